"use client";
// Search and status filter, both kept in the URL (?q=&status=) so a view can be shared and reloaded.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { taskStatuses } from "@/lib/schemas/task";
import { statusLabel } from "@/components/ui/StatusBadge";

const SEARCH_DELAY_MS = 200;

export function TaskFilters({ q, status }: { q: string; status: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    // The URL changed from outside the box (back button, "clear filters"): show what it says.
    setShownQ(q);
    setText(q);
  }
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => {
      const params = new URLSearchParams(searchParams);
      if (text) params.set("q", text);
      else params.delete("q");
      router.replace(`${pathname}${params.size ? `?${params}` : ""}`, { scroll: false });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, q, pathname, router, searchParams]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const hrefFor = (next: string) => {
    const params = new URLSearchParams(searchParams);
    if (next) params.set("status", next);
    else params.delete("status");
    return `${pathname}${params.size ? `?${params}` : ""}`;
  };

  return (
    <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center">
      <label className="relative block sm:w-72">
        <span className="sr-only">Search tasks</span>
        <Search className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-zinc-400" aria-hidden />
        <input
          ref={input}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search tasks…  ( / )"
          className="w-full rounded-md border border-zinc-300 bg-white py-1.5 pr-3 pl-8 text-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
        />
      </label>
      <nav aria-label="Filter by status" className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 sm:pb-0">
        {["", ...taskStatuses].map((value) => {
          const selected = value === status;
          return (
            <Link
              key={value || "all"}
              href={hrefFor(value)}
              replace
              scroll={false}
              aria-current={selected ? "page" : undefined}
              className={`shrink-0 rounded-full px-2.5 py-1 text-xs font-medium whitespace-nowrap ${
                selected
                  ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                  : "text-zinc-600 hover:bg-zinc-200 dark:text-zinc-400 dark:hover:bg-zinc-800"
              }`}
            >
              {value ? statusLabel(value) : "all"}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}

export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}
