// The `baton` command: agents record progress, ask people and wait for gates without curl.
// Exit codes: 0 ok, 1 refused (the problem's detail on stderr), 2 usage error, 3–5 for waits (see each command).
import { Command, CommanderError } from "commander";
import { ApiError, NetworkError } from "@/lib/client/baton-client";
import { CliExit, EXIT } from "@/cli/exit";
import { QueueBusyError } from "@/cli/queue/queue-lock";
import { approvalCommand } from "@/cli/commands/approval";
import { askCommand, blockCommand, unblockCommand } from "@/cli/commands/blockers";
import { checkpointCommand, noteCommand } from "@/cli/commands/checkpoint";
import { flushCommand } from "@/cli/commands/flush";
import { handoffCommand } from "@/cli/commands/handoff";
import { hookCommand } from "@/cli/commands/hook";
import { initCommand } from "@/cli/commands/init";
import { briefCommand, heartbeatCommand } from "@/cli/commands/liveness";
import { mcpCommand } from "@/cli/commands/mcp";
import { phaseCommand } from "@/cli/commands/phase";
import { progressCommand } from "@/cli/commands/progress";
import { taskCommand } from "@/cli/commands/task";

const COMMANDS = [
  taskCommand,
  checkpointCommand,
  noteCommand,
  phaseCommand,
  blockCommand,
  unblockCommand,
  askCommand,
  approvalCommand,
  handoffCommand,
  heartbeatCommand,
  briefCommand,
  progressCommand,
  flushCommand,
  mcpCommand,
  hookCommand,
  initCommand,
];

export function buildProgram(): Command {
  const program = new Command("baton")
    .description("Record progress, ask a person and wait for gates on Baton (BATON_URL, BATON_TOKEN).")
    .version("0.1.0")
    .option("--json", "print the API's JSON instead of human text");
  for (const make of COMMANDS) program.addCommand(make());
  exitOverrideEverywhere(program);
  return program;
}

/** Commander would exit 1 on a usage error; ours is 2, so every command throws and `run` decides. */
function exitOverrideEverywhere(command: Command): void {
  command.exitOverride().showHelpAfterError("(add --help for usage)").configureHelp({ showGlobalOptions: true });
  for (const sub of command.commands) exitOverrideEverywhere(sub);
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    return exitCodeOf(error);
  }
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof CliExit) {
    if (error.message) process.stderr.write(`baton: ${error.message}\n`);
    return error.code;
  }
  if (error instanceof ApiError) {
    const fields = (error.problem.errors ?? []).map((e) => `\n  ${e.path}: ${e.message}`).join("");
    process.stderr.write(`baton: ${error.detail}${fields}\n`);
    return EXIT.refused;
  }
  if (error instanceof NetworkError || error instanceof QueueBusyError) {
    process.stderr.write(`baton: ${error.message}\n`);
    return EXIT.refused;
  }
  process.stderr.write(`baton: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.refused;
}

process.exitCode = await run(process.argv);
