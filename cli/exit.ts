// Exit codes of the `baton` CLI (SPEC "Agent tooling") and the error that carries one.
export const EXIT = {
  ok: 0,
  refused: 1,
  usage: 2,
  rejected: 3,
  expired: 4,
  stillWaiting: 5,
} as const;

/** Ends the command with this exit code; `message` goes to stderr. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message = "",
  ) {
    super(message);
    this.name = "CliExit";
  }
}

export function usageError(message: string): CliExit {
  return new CliExit(EXIT.usage, message);
}
