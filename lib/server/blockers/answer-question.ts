// `POST /tasks/{key}/blockers/{id}/answer`: a person answers an agent's question, which resolves its blocker.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { AppError } from "@/lib/server/errors";
import type { BlockerAnswer } from "@/lib/schemas/blocker";
import type { SessionPrincipal } from "@/lib/server/auth/sessions";
import { touchTask } from "@/lib/server/tasks/find-task";
import { toBlockerView } from "@/lib/server/blockers/blocker-view";
import { alreadyResolved, requireBlocker } from "@/lib/server/blockers/find-blocker";

export async function answerQuestion(taskKey: string, blockerId: number, input: BlockerAnswer, session: SessionPrincipal) {
  return transaction(async (tx) => {
    const now = new Date();
    const { task, blocker: existing } = await requireBlocker(tx, taskKey, blockerId);
    if (existing.status === "resolved") throw alreadyResolved(existing);
    if (existing.question === null) {
      throw new AppError("conflict", `Blocker ${blockerId} asks no question; it is resolved with PATCH, not answered.`);
    }
    const options = existing.options as string[];
    if (options.length > 0 && !options.includes(input.answer)) {
      throw new AppError("validation-failed", `The answer must be one of the question's options: ${options.map((o) => JSON.stringify(o)).join(", ")}.`, {
        errors: [{ path: "answer", message: "must be one of the question's options" }],
      });
    }
    const answeredBy = `person:${session.person.name}`;
    const comment = input.comment || null;
    const { count } = await tx.blocker.updateMany({
      where: { id: existing.id, status: "open" },
      data: {
        status: "resolved",
        resolution: comment ? `${input.answer} — ${comment}` : input.answer,
        resolvedAt: now,
        answer: input.answer,
        answerComment: comment,
        answeredBy,
        answeredAt: now,
      },
    });
    const row = await tx.blocker.findUniqueOrThrow({ where: { id: existing.id } });
    if (count === 0) throw alreadyResolved(row);
    await touchTask(tx, task.id, now);
    const blocker = toBlockerView(row);
    await appendEvent(tx, { type: "blocker.resolved", task, actor: answeredBy, payload: { blocker, answeredBy, sessionId: session.sessionId } });
    return blocker;
  });
}
