// `baton checkpoint` (fields as options) and `baton note` (the guide's text format).
import { Command } from "commander";
import type { Checkpoint, CheckpointBody } from "@/lib/client/baton-client";
import { parseCheckpointNote } from "@/lib/server/checkpoints/parse-note";
import { usageError } from "@/cli/exit";
import { readDocument } from "@/cli/io";
import { collect, collectMetric, parseProgress } from "@/cli/option-parsers";
import { report, sessionOf } from "@/cli/command-kit";
import { checkpointLine } from "@/cli/format";

type CheckpointOptions = {
  summary: string;
  phase?: string;
  done: string[];
  next: string[];
  dep: string[];
  progress?: { current: number; total?: number };
  unit?: string;
  resumeFrom?: string;
  metric?: Record<string, number>;
  agent?: string;
};

export function checkpointCommand(): Command {
  return new Command("checkpoint")
    .description("record a checkpoint: what is done, what is next, where to resume")
    .argument("<key>", "the task key (created on the fly if unknown)")
    .requiredOption("--summary <text>", "one line: what this checkpoint is")
    .option("--phase <key>", "the phase this checkpoint belongs to (created on the fly if unknown)")
    .option("--done <item>", "something finished (repeatable)", collect, [])
    .option("--next <item>", "a next action (repeatable)", collect, [])
    .option("--dep <item>", "a dependency (repeatable)", collect, [])
    .option("--progress <current/total>", "e.g. 730000/1000000", parseProgress)
    .option("--unit <unit>", "the progress unit, e.g. records")
    .option("--resume-from <cursor>", "where a new session resumes, e.g. 'record 730000'")
    .option("--metric <name=value>", "a number by name, e.g. recordsPerSec=1840 (repeatable)", collectMetric)
    .option("--agent <name>", "which agent is writing (the lane)")
    .action(async (key: string, options: CheckpointOptions, command: Command) => {
      const session = sessionOf(command);
      if (options.unit && !options.progress) throw usageError("--unit needs --progress");
      const body: CheckpointBody = {
        summary: options.summary,
        phase: options.phase,
        done: options.done,
        next: options.next,
        dependencies: options.dep,
        progress: options.progress && { ...options.progress, ...(options.unit && { unit: options.unit }) },
        resumeFrom: options.resumeFrom,
        metrics: options.metric,
        agent: options.agent,
      };
      const written = await session.writeOrQueue<Checkpoint>({ op: "checkpoint", task: key, body });
      report(session, written, (checkpoint) => checkpointLine(key, checkpoint));
    });
}

export function noteCommand(): Command {
  return new Command("note")
    .description("record a checkpoint written in the guide's note format (=== CHECKPOINT: … ===, bullets, NEXT ACTIONS:, DEPENDENCIES:)")
    .argument("<key>", "the task key (created on the fly if unknown)")
    .argument("[file]", "the note file, or - (the default) for stdin")
    .option("--phase <key>", "the phase this note belongs to")
    .option("--agent <name>", "which agent is writing (the lane)")
    .action(async (key: string, file: string | undefined, options: { phase?: string; agent?: string }, command: Command) => {
      const session = sessionOf(command);
      const note = await readDocument(file);
      const parsed = parseCheckpointNote(note);
      if (!parsed) throw usageError("The note is empty; write at least a summary line such as `=== CHECKPOINT: Phase 1 Complete ===`.");
      // Parsed here by the server's own note parser, so /batch (and the offline queue) can carry it as JSON.
      const body: CheckpointBody = { ...parsed, ...(options.agent && { agent: options.agent }) };
      const written = await session.writeOrQueue<Checkpoint>({ op: "checkpoint", task: key, phase: options.phase, body });
      report(session, written, (checkpoint) => checkpointLine(key, checkpoint));
    });
}
