// Shared glue for command definitions: the session from the global options, and printing a write's outcome.
import type { Command } from "commander";
import { printJson, printLine } from "@/cli/io";
import { CliSession, type Written } from "@/cli/session";

export function sessionOf(command: Command): CliSession {
  const { json } = command.optsWithGlobals<{ json?: boolean }>();
  return new CliSession(json === true);
}

/** Prints the API's JSON with --json, else the human line; a queued write prints what was queued. */
export function report<T>(session: CliSession, written: Written<T>, human: (sent: T) => string): void {
  if ("queued" in written) {
    if (session.json) printJson({ queued: true, ...written.queued });
    else printLine(`queued (${written.queued.waiting} waiting): ${written.queued.idempotencyKey}`);
    return;
  }
  if (session.json) printJson(written.sent ?? { ok: true });
  else printLine(human(written.sent));
}

export function output<T>(session: CliSession, value: T, human: (value: T) => string): void {
  if (session.json) printJson(value);
  else printLine(human(value));
}
