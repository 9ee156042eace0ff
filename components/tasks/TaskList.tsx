"use client";
// The overview's rows, virtualized against the window (only the rows on screen are in the DOM) and paged
// from the server as the end comes near. j/k move the focus by index, scrolling rows that are not rendered yet into view.
import { useWindowVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TaskSummary } from "@/lib/server/tasks/task-view";
import { isTyping } from "@/components/tasks/TaskFilters";
import { TaskRow } from "@/components/tasks/TaskRow";

type Props = { tasks: TaskSummary[]; hasMore: boolean; loadingMore: boolean; loadMore: () => void };

export function TaskList({ tasks, hasMore, loadingMore, loadMore }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const [listTop, setListTop] = useState(0);
  useEffect(() => {
    const measure = () => setListTop((list.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: tasks.length + (hasMore ? 1 : 0),
    estimateSize: () => 92,
    overscan: 8,
    scrollMargin: listTop,
    getItemKey: (index) => tasks[index]?.key ?? "more",
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= tasks.length - 10) loadMore();
  }, [lastIndex, tasks.length, hasMore, loadingMore, loadMore]);

  useRowNavigation(list, virtualizer, tasks.length);

  return (
    <ul
      ref={list}
      aria-label="Tasks"
      className="relative overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {rows.map((row) => {
        const task = tasks[row.index];
        return (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            className="absolute top-0 left-0 w-full border-b border-zinc-200 dark:border-zinc-800"
            style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
          >
            {task ? <TaskRow task={task} /> : <p className="px-4 py-3 text-xs text-zinc-500 dark:text-zinc-400">Loading more tasks…</p>}
          </li>
        );
      })}
    </ul>
  );
}

/** j/k (and arrow keys inside the list) move focus between task rows by index; Enter follows the focused link. */
function useRowNavigation(list: React.RefObject<HTMLUListElement | null>, virtualizer: Virtualizer<Window, Element>, count: number) {
  // The row to focus once it is rendered (it may only appear after the scroll).
  const wanted = useRef<number | null>(null);
  const focusWanted = useCallback(() => {
    if (wanted.current === null) return;
    const row = list.current?.querySelector<HTMLAnchorElement>(`li[data-index="${wanted.current}"] [data-task-row]`);
    if (!row) return;
    row.focus({ preventScroll: true });
    wanted.current = null;
  }, [list]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target) || count === 0) return;
      const inList = list.current?.contains(document.activeElement) ?? false;
      const step =
        event.key === "j" || (inList && event.key === "ArrowDown") ? 1 : event.key === "k" || (inList && event.key === "ArrowUp") ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      const current = inList ? Number(document.activeElement?.closest("li")?.dataset.index ?? -1) : -1;
      const next = current === -1 ? (step === 1 ? 0 : count - 1) : Math.min(count - 1, Math.max(0, current + step));
      virtualizer.scrollToIndex(next, { align: "auto" });
      wanted.current = next;
      focusWanted();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [list, virtualizer, count, focusWanted]);

  useEffect(() => focusWanted());
}
