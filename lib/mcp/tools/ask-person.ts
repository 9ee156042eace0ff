// ask_person: a decision blocker carrying a question for a person, and the wait for the answer.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { BatonClient, Blocker } from "@/lib/client/baton-client";
import { blockerInputSchema } from "@/lib/schemas/blocker";
import { taskArgument, timeoutSecondsArgument } from "@/lib/mcp/arguments";
import { defineTool } from "@/lib/mcp/define-tool";
import { blockerIdArgument } from "@/lib/mcp/tools/blockers";

/** A default inbox title: the question's start, short enough for the line under the question itself. */
const DEFAULT_TITLE_LENGTH = 80;
const question = blockerInputSchema.shape;

const askArguments = z
  .object({
    ...taskArgument.shape,
    question: question.question.describe("The question for the person. Leave it out only to wait again on an earlier question (`id`)."),
    options: question.options,
    recommended: question.recommended,
    title: question.title.optional().describe("A short title for the person's inbox; defaults to the question."),
    detail: question.detail,
    phase: question.phase,
    id: blockerIdArgument.optional().describe("Wait again for the answer to this earlier question instead of asking a new one."),
    timeoutSeconds: timeoutSecondsArgument,
  })
  .refine((args) => (args.question === undefined) !== (args.id === undefined), {
    message: "give either `question` (ask a new question) or `id` (wait again for an earlier one)",
    path: ["question"],
  });

const answerOutput = z.object({
  answered: z.boolean().describe("false while the question is still open: call ask_person again with `task` and `id`."),
  id: z.number().int(),
  task: z.string(),
  question: z.string().nullable(),
  answer: z.string().nullable(),
  comment: z.string().nullable(),
  answeredBy: z.string().nullable(),
  blocker: z.record(z.string(), z.unknown()),
});

export function registerAskPerson(server: McpServer, client: BatonClient): void {
  defineTool(server, "ask_person", {
    title: "Ask a person",
    description:
      "Asks a person a question (optionally with `options` to pick from and the one you `recommended`) and waits up to `timeoutSeconds` for the answer. " +
      "The task is blocked until the person answers in Baton's inbox; the answer also becomes the first next action of the brief. " +
      "If nothing was answered in time the result says so and returns the question's `id`: call ask_person again with `task` and `id` to keep waiting.",
    input: askArguments,
    output: answerOutput,
    run: async ({ task, id, timeoutSeconds, ...ask }, signal) => {
      const questionId = id ?? (await openQuestion(client, task, ask)).id;
      const blocker = await client.waitForBlocker(task, questionId, timeoutSeconds, signal);
      const answered = blocker.status !== "open";
      return {
        text: describeAnswer(task, blocker, timeoutSeconds),
        structured: {
          answered,
          id: blocker.id,
          task,
          question: blocker.question,
          answer: blocker.answer ?? (answered ? blocker.resolution : null),
          comment: blocker.answerComment,
          answeredBy: blocker.answeredBy,
          blocker,
        },
      };
    },
  });
}

type Ask = Omit<z.output<typeof askArguments>, "task" | "id" | "timeoutSeconds">;

function openQuestion(client: BatonClient, task: string, { question, title, ...ask }: Ask): Promise<Blocker> {
  // `askArguments` lets the question be left out only together with an `id`.
  if (question === undefined) throw new Error("ask_person needs a `question` (or the `id` of an earlier one).");
  return client.openBlocker(task, { ...ask, question, kind: "decision", title: title ?? (question.length <= DEFAULT_TITLE_LENGTH ? question : `${question.slice(0, DEFAULT_TITLE_LENGTH - 1)}…`) });
}

function describeAnswer(task: string, blocker: Blocker, waitedSeconds: number): string {
  if (blocker.status === "open") {
    return (
      `Nothing was answered yet: question #${blocker.id} on ${task} is still open after ${waitedSeconds} s. ` +
      `Call ask_person again with {"task": "${task}", "id": ${blocker.id}} to keep waiting (do not ask it again); a person answers it in Baton's inbox.`
    );
  }
  if (blocker.answer === null) return `Question #${blocker.id} on ${task} was resolved without an answer: ${blocker.resolution}`;
  const comment = blocker.answerComment ? ` Comment: "${blocker.answerComment}".` : "";
  return `${blocker.answeredBy ?? "A person"} answered question #${blocker.id} on ${task}: "${blocker.answer}".${comment} Act on it; it is also the first next action in the brief.`;
}
