// `baton progress export|import`: the guide's progress.json file.
import fs from "node:fs";
import { Command } from "commander";
import { usageError } from "@/cli/exit";
import { printJson, printLine } from "@/cli/io";
import { output, sessionOf } from "@/cli/command-kit";

export function progressCommand(): Command {
  const progress = new Command("progress").description("export or import the guide's progress.json");

  progress
    .command("export")
    .description("write the task as progress.json (to FILE, or stdout)")
    .argument("<key>", "the task key")
    .argument("[file]", "where to write it")
    .action(async (key: string, file: string | undefined, _options: object, command: Command) => {
      const session = sessionOf(command);
      const exported = await session.online((client) => client.exportProgress(key));
      if (file === undefined || file === "-") return printJson(exported);
      fs.writeFileSync(file, `${JSON.stringify(exported, null, 2)}\n`);
      if (session.json) printJson(exported);
      else printLine(`wrote ${file}`);
    });

  progress
    .command("import")
    .description("apply a progress.json: completed → done, current → active, pending → pending, blockers → open blockers")
    .argument("<key>", "the task key (created if unknown)")
    .argument("<file>", "the progress.json file")
    .action(async (key: string, file: string, _options: object, command: Command) => {
      const session = sessionOf(command);
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch (error) {
        throw usageError(`Cannot read ${file} as JSON: ${(error as Error).message}`);
      }
      // The server validates the file's shape and answers 422 with the fields at fault.
      const result = await session.online((client) => client.importProgress(key, parsed as Parameters<typeof client.importProgress>[1]));
      output(session, result.file, (f) => `${result.created ? "created" : "updated"} ${key} from ${file}: current ${f.current_phase ?? "none"}, ${f.completed_phases.length} completed, ${f.pending_phases.length} pending`);
    });

  return progress;
}
