// Inputs for blockers and the questions they may carry: open, resolve, answer, wait, and the inbox list.
import { z } from "zod";
import { agentName, isoDateTime, itemsOf, keySchema, longText, pageLimit, shortText } from "@/lib/schemas/common";

export const blockerKinds = ["dependency", "access", "decision", "rate_limit", "resource", "other"] as const;
export const blockerKindSchema = z.enum(blockerKinds);

export const MAX_QUESTION_OPTIONS = 20;
export const MAX_BLOCKER_WAIT_SECONDS = 60;

const optionText = shortText(200);

export const blockerInputSchema = z
  .object({
    title: shortText(300),
    detail: longText(20_000).optional(),
    kind: blockerKindSchema.default("other"),
    owner: agentName.optional(),
    phase: keySchema.optional(),
    question: shortText(4_000).optional().describe('A question for a person; only on `kind: "decision"`. The answer resolves the blocker.'),
    options: z
      .array(optionText)
      .min(1, "must offer at least one option (leave `options` out for a free-text answer)")
      .max(MAX_QUESTION_OPTIONS)
      .refine((options) => new Set(options).size === options.length, "must not repeat an option")
      .optional()
      .describe("The answers the person may pick, shown as buttons."),
    recommended: optionText.optional().describe("The option the agent recommends; must be one of `options`."),
  })
  .superRefine((input, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (input.question !== undefined && input.kind !== "decision") issue("kind", 'must be "decision" when the blocker asks a question');
    if (input.question === undefined && input.options !== undefined) issue("options", "needs a `question`");
    if (input.question === undefined && input.recommended !== undefined) issue("recommended", "needs a `question`");
    if (input.recommended !== undefined && !input.options?.includes(input.recommended)) issue("recommended", "must be one of `options`");
  });
export type BlockerInput = z.infer<typeof blockerInputSchema>;

export const blockerResolveSchema = z.object({
  status: z.literal("resolved"),
  resolution: shortText(20_000),
});
export type BlockerResolve = z.infer<typeof blockerResolveSchema>;

export const blockerAnswerSchema = z.object({
  answer: shortText(4_000).describe("One of the question's `options` when it has any, else free text."),
  comment: z.string().trim().max(10_000).optional().describe("Goes to the agent with the answer, as its first next action."),
});
export type BlockerAnswer = z.infer<typeof blockerAnswerSchema>;

export const blockerParams = z.object({ key: keySchema, id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const blockerWaitQuerySchema = z.object({
  wait: z.coerce
    .number()
    .min(0)
    .max(MAX_BLOCKER_WAIT_SECONDS, `must be at most ${MAX_BLOCKER_WAIT_SECONDS} seconds`)
    .optional()
    .describe("Long-poll up to this many seconds until the blocker is resolved."),
});

export const questionListQuerySchema = z.object({
  status: z.enum(["open", "resolved"]).optional(),
  task: keySchema.optional(),
  limit: pageLimit(100, 500),
});
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

export const blockerViewSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  detail: z.string().nullable(),
  kind: blockerKindSchema,
  owner: z.string().nullable(),
  phase: z.string().nullable(),
  status: z.enum(["open", "resolved"]),
  resolution: z.string().nullable(),
  question: z.string().nullable(),
  options: z.array(z.string()),
  recommended: z.string().nullable(),
  answer: z.string().nullable(),
  answerComment: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});

export type BlockerView = z.infer<typeof blockerViewSchema>;

/** A question in the person's inbox: the blocker with the task it holds up. */
export const questionViewSchema = blockerViewSchema.extend({ task: z.string(), taskTitle: z.string() });

export const questionListSchema = itemsOf(questionViewSchema);

export const blockerListSchema = itemsOf(blockerViewSchema);
