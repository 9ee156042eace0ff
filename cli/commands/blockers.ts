// `baton block`, `baton unblock` and `baton ask` (a decision blocker a person answers).
import { Command, Option } from "commander";
import { blockerKinds } from "@/lib/schemas/blocker";
import type { Blocker, BlockerBody } from "@/lib/client/baton-client";
import { CliExit, EXIT, usageError } from "@/cli/exit";
import { printJson, printLine, warn } from "@/cli/io";
import { collect, parseSeconds } from "@/cli/option-parsers";
import { output, report, sessionOf } from "@/cli/command-kit";

const TITLE_MAX = 300;

export function blockCommand(): Command {
  return new Command("block")
    .description("open a blocker on a task")
    .argument("<key>", "the task key")
    .requiredOption("--title <text>", "what blocks the work")
    .addOption(new Option("--kind <kind>", "what kind of blocker").choices(blockerKinds).default("other"))
    .option("--detail <text>", "more detail")
    .option("--phase <key>", "the phase it blocks")
    .action(async (key: string, options: { title: string; kind: BlockerBody["kind"]; detail?: string; phase?: string }, command: Command) => {
      const session = sessionOf(command);
      const body: BlockerBody = { title: options.title, kind: options.kind, detail: options.detail, phase: options.phase };
      const written = await session.writeOrQueue<Blocker>({ op: "blocker", task: key, body });
      report(session, written, (blocker) => `blocker #${blocker.id} opened on ${key}: ${blocker.title}`);
    });
}

export function unblockCommand(): Command {
  return new Command("unblock")
    .description("resolve a blocker")
    .argument("<key>", "the task key")
    .argument("<id>", "the blocker id", blockerId)
    .requiredOption("--resolution <text>", "how it was resolved")
    .action(async (key: string, id: number, options: { resolution: string }, command: Command) => {
      const session = sessionOf(command);
      const blocker = await session.online((client) => client.resolveBlocker(key, id, { status: "resolved", resolution: options.resolution }));
      output(session, blocker, (b) => `blocker #${b.id} resolved: ${b.resolution}`);
    });
}

export function askCommand(): Command {
  return new Command("ask")
    .description("ask a person a question and wait for the answer (exit 0 answered, 5 still open at the timeout)")
    .argument("<key>", "the task key")
    .argument("<question>", "the question")
    .option("--option <answer>", "a possible answer, shown as a button (repeatable)", collect, [])
    .option("--recommended <answer>", "the option you recommend (one of --option)")
    .option("--phase <key>", "the phase the question blocks")
    .option("--wait <seconds>", "how long to wait for the answer", parseSeconds, 600)
    .action(async (key: string, question: string, options: { option: string[]; recommended?: string; phase?: string; wait: number }, command: Command) => {
      const session = sessionOf(command);
      if (options.recommended !== undefined && !options.option.includes(options.recommended)) throw usageError("--recommended must be one of the --option values");
      const body: BlockerBody = {
        kind: "decision",
        title: question.length > TITLE_MAX ? `${question.slice(0, TITLE_MAX - 1)}…` : question,
        question,
        ...(options.option.length > 0 && { options: options.option }),
        recommended: options.recommended,
        phase: options.phase,
      };
      const asked = await session.online((client) => client.openBlocker(key, body));
      if (!session.json) warn(`asked (question #${asked.id}); waiting up to ${options.wait}s for a person's answer…`);
      const blocker = await session.client.waitForBlocker(key, asked.id, options.wait);
      if (session.json) printJson(blocker);
      if (blocker.status === "open") throw new CliExit(EXIT.stillWaiting, `question #${blocker.id} is still open after ${options.wait}s`);
      if (!session.json) printLine(answerOf(blocker));
    });
}

/** The answer on the first line (what a script compares), the person's comment after it. */
function answerOf(blocker: Blocker): string {
  const answer = blocker.answer ?? blocker.resolution ?? "";
  return blocker.answerComment ? `${answer}\n${blocker.answerComment}` : answer;
}

function blockerId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw usageError("the blocker id is a positive whole number");
  return id;
}
