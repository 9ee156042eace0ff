import type { ReactNode } from "react";

/** A titled card section; `id` names the heading for aria-labelledby. */
export function Panel({ id, title, actions, children, flush = false }: { id: string; title: ReactNode; actions?: ReactNode; children: ReactNode; flush?: boolean }) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h2 id={id} className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
          {title}
        </h2>
        {actions && <div className="ml-auto flex items-center gap-2">{actions}</div>}
      </div>
      <div className={flush ? "" : "p-3"}>{children}</div>
    </section>
  );
}
