// `baton handoff KEY --from A --to B [FILE|-]`: the guide's split-brain handoff document.
import { Command } from "commander";
import { usageError } from "@/cli/exit";
import { readDocument } from "@/cli/io";
import { output, sessionOf } from "@/cli/command-kit";

export function handoffCommand(): Command {
  return new Command("handoff")
    .description("hand the task to another agent with a document (What's Complete / What's Needed / Next Steps)")
    .argument("<key>", "the task key")
    .argument("[file]", "the handoff document (markdown), or - (the default) for stdin")
    .requiredOption("--from <agent>", "the agent handing off")
    .requiredOption("--to <agent>", "the agent taking over")
    .action(async (key: string, file: string | undefined, options: { from: string; to: string }, command: Command) => {
      const session = sessionOf(command);
      const document = await readDocument(file);
      if (!document.trim()) throw usageError("The handoff document is empty.");
      const handoff = await session.online((client) => client.writeHandoffDocument(key, document, { from: options.from, to: options.to }));
      output(session, handoff, (h) => `handoff ${h.from} → ${h.to} on ${key}: ${h.complete.length} complete, ${h.needed.length} needed, ${h.nextSteps.length} next steps`);
    });
}
