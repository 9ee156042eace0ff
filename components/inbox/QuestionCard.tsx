"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useAnswerQuestion } from "@/components/inbox/queries";
import { RelativeTime } from "@/components/ui/RelativeTime";
import type { QuestionView } from "@/lib/server/blockers/blocker-view";
import { RoleNote } from "@/components/auth/RoleNote";
import { useHasRole } from "@/components/auth/PersonContext";

/** An agent's open question: one click on an option answers it (or a free-text answer when it offers none). */
export function QuestionCard({ question }: { question: QuestionView }) {
  const headingId = useId();
  const commentId = useId();
  const textId = useId();
  const [comment, setComment] = useState("");
  const [text, setText] = useState("");
  const send = useAnswerQuestion(question);
  const mayAnswer = useHasRole("approver");
  const submit = (answer: string) => send.mutate({ answer, comment: comment.trim() || undefined });

  return (
    <article id={`question-${question.id}`} aria-labelledby={headingId} className="flex flex-col gap-2 px-3 py-3">
      <div className="flex items-start gap-2">
        <span className="shrink-0 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-300">question</span>
        <h3 id={headingId} className="min-w-0 flex-1 font-medium break-words">
          {question.question}
        </h3>
      </div>
      <p className="flex flex-wrap gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span>
          <Link href={`/tasks/${encodeURIComponent(question.task)}`} className="underline-offset-2 hover:underline">
            {question.taskTitle}
          </Link>{" "}
          › {question.title}
        </span>
        {question.owner && <span className="font-mono">{question.owner}</span>}
        <span>
          asked <RelativeTime iso={question.createdAt} />
        </span>
      </p>
      {question.detail && <p className="text-sm whitespace-pre-wrap break-words text-zinc-700 dark:text-zinc-300">{question.detail}</p>}
      {!mayAnswer ? (
        <RoleNote role="approver">answer questions</RoleNote>
      ) : send.isSuccess ? (
        <p role="status" className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
          You answered “{send.data.answer}”. The agent has been told.
        </p>
      ) : (
        <>
          <label htmlFor={commentId} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
            Comment <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional, sent with your answer)</span>
          </label>
          <textarea
            id={commentId}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={2}
            className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
          {question.options.length > 0 ? (
            <div role="group" aria-label="Answers" className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
              {question.options.map((option) => (
                <OptionButton key={option} option={option} recommended={option === question.recommended} disabled={send.isPending} onPick={submit} />
              ))}
            </div>
          ) : (
            <form
              className="flex flex-col gap-2 sm:flex-row"
              onSubmit={(event) => {
                event.preventDefault();
                if (text.trim()) submit(text.trim());
              }}
            >
              <label htmlFor={textId} className="sr-only">
                Your answer
              </label>
              <input
                id={textId}
                value={text}
                onChange={(event) => setText(event.target.value)}
                placeholder="Your answer"
                className="min-h-11 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
              />
              <button
                type="submit"
                disabled={send.isPending || !text.trim()}
                className="min-h-11 rounded-md bg-emerald-700 px-4 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-50"
              >
                Send answer
              </button>
            </form>
          )}
          {send.error && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {send.error.message}
            </p>
          )}
        </>
      )}
    </article>
  );
}

function OptionButton({ option, recommended, disabled, onPick }: { option: string; recommended: boolean; disabled: boolean; onPick: (option: string) => void }) {
  const style = recommended
    ? "border-emerald-600 bg-emerald-50 text-emerald-900 hover:bg-emerald-100 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100 dark:hover:bg-emerald-900"
    : "border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";
  return (
    <button
      type="button"
      disabled={disabled}
      data-recommended={recommended}
      onClick={() => onPick(option)}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-md border px-4 py-2 text-sm font-semibold break-words disabled:opacity-50 ${style}`}
    >
      {option}
      {recommended && <span className="rounded-full bg-emerald-700 px-1.5 py-px text-[11px] font-semibold text-white dark:bg-emerald-500 dark:text-emerald-950">recommended</span>}
    </button>
  );
}
