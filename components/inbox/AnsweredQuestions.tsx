import Link from "next/link";
import { RelativeTime } from "@/components/ui/RelativeTime";
import type { QuestionView } from "@/lib/server/blockers/blocker-view";

/** Questions already answered: what went back to the agent, by whom and when. */
export function AnsweredQuestions({ items }: { items: QuestionView[] }) {
  return (
    <ul aria-label="Answered questions" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
      {items.map((question) => (
        <li key={question.id} className="flex flex-col gap-1 px-3 py-2.5">
          <span className="font-medium break-words">{question.question}</span>
          <span className="text-sm break-words">
            <span className="text-zinc-500 dark:text-zinc-400">Answer: </span>
            <span className="font-semibold">{question.answer ?? question.resolution}</span>
            {question.answerComment && <span className="text-zinc-600 dark:text-zinc-300"> — “{question.answerComment}”</span>}
          </span>
          <span className="flex flex-wrap gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
            <Link href={`/tasks/${encodeURIComponent(question.task)}`} className="underline-offset-2 hover:underline">
              {question.taskTitle}
            </Link>
            {question.answeredBy && <span>by {question.answeredBy.replace(/^person:/, "")}</span>}
            {question.resolvedAt && (
              <span>
                <RelativeTime iso={question.resolvedAt} />
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
