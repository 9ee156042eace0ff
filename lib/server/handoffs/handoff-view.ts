import type { Prisma } from "@/generated/prisma/client";

type HandoffRow = Prisma.HandoffGetPayload<object>;

export function toHandoffView(handoff: HandoffRow, taskKey: string) {
  return {
    id: handoff.id,
    task: taskKey,
    from: handoff.fromAgent,
    to: handoff.toAgent,
    complete: handoff.complete as string[],
    needed: handoff.needed as string[],
    nextSteps: handoff.nextSteps as string[],
    body: handoff.body,
    createdAt: handoff.createdAt.toISOString(),
  };
}
export type HandoffView = ReturnType<typeof toHandoffView>;
