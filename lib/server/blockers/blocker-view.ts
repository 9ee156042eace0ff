// Presenter for blockers: the JSON the API, the dashboard, the brief and webhooks share.
import type { Prisma } from "@/generated/prisma/client";

type BlockerRow = Prisma.BlockerGetPayload<object>;

export function toBlockerView(blocker: BlockerRow) {
  return {
    id: blocker.id,
    title: blocker.title,
    detail: blocker.detail,
    kind: blocker.kind,
    owner: blocker.owner,
    phase: blocker.phaseKey,
    status: blocker.status,
    resolution: blocker.resolution,
    question: blocker.question,
    options: blocker.options as string[],
    recommended: blocker.recommended,
    answer: blocker.answer,
    answerComment: blocker.answerComment,
    answeredBy: blocker.answeredBy,
    answeredAt: blocker.answeredAt?.toISOString() ?? null,
    createdAt: blocker.createdAt.toISOString(),
    resolvedAt: blocker.resolvedAt?.toISOString() ?? null,
  };
}
export type BlockerView = ReturnType<typeof toBlockerView>;

export const questionInclude = { task: { select: { key: true, title: true } } } as const satisfies Prisma.BlockerInclude;

type QuestionRow = Prisma.BlockerGetPayload<{ include: typeof questionInclude }>;

/** A question in the person's inbox: the blocker with the task it holds up. */
export function toQuestionView(row: QuestionRow) {
  return { ...toBlockerView(row), task: row.task.key, taskTitle: row.task.title };
}
export type QuestionView = ReturnType<typeof toQuestionView>;
