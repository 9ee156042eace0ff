// `GET /questions`: the questions agents asked across tasks, for the person's inbox, newest first.
import { reader } from "@/lib/server/db/transaction";
import type { QuestionListQuery } from "@/lib/schemas/blocker";
import { questionInclude, toQuestionView } from "@/lib/server/blockers/blocker-view";

export async function listQuestions(query: QuestionListQuery) {
  const db = await reader();
  const rows = await db.blocker.findMany({
    where: { question: { not: null }, ...(query.status && { status: query.status }), ...(query.task && { task: { key: query.task } }) },
    include: questionInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return { items: rows.map(toQuestionView) };
}
