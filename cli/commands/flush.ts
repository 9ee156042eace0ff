// `baton flush`: send the offline queue now.
import { Command } from "commander";
import { CliExit, EXIT } from "@/cli/exit";
import { output, sessionOf } from "@/cli/command-kit";

export function flushCommand(): Command {
  return new Command("flush")
    .description("send the writes queued while Baton was unreachable (BATON_QUEUE, default ~/.baton/queue.jsonl), in order, through POST /batch")
    .action(async (_options: object, command: Command) => {
      const session = sessionOf(command);
      const report = await session.flush();
      const summary = { sent: report.sent, refused: report.refused.length, remaining: report.remaining, queue: session.queue.file };
      output(session, summary, (s) => `sent ${s.sent}, refused ${s.refused}, ${s.remaining} still queued (${s.queue})`);
      if (report.refused.length > 0 || report.remaining > 0) throw new CliExit(EXIT.refused);
    });
}
