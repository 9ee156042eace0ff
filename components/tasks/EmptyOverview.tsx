"use client";
// The first screen of a fresh install teaches the two requests an agent makes.
import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/CopyButton";

const subscribe = () => () => {};

export function firstTaskCommands(origin: string): string {
  return [
    `export BATON_URL=${origin}`,
    `export BATON_TOKEN=<the agent token npm start printed>`,
    ``,
    `curl -X PUT "$BATON_URL/api/v1/tasks/my-first-task" \\`,
    `  -H "Authorization: Bearer $BATON_TOKEN" -H "Content-Type: application/json" \\`,
    `  -d '{"title": "My first task", "phases": [{"key": "build"}, {"key": "deploy"}]}'`,
    ``,
    `curl -X POST "$BATON_URL/api/v1/tasks/my-first-task/checkpoints" \\`,
    `  -H "Authorization: Bearer $BATON_TOKEN" -H "Content-Type: application/json" \\`,
    `  -d '{"summary": "Build started", "phase": "build", "next": ["Run the tests"]}'`,
  ].join("\n");
}

export function EmptyOverview() {
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "http://127.0.0.1:3000",
  );
  const commands = firstTaskCommands(origin);
  return (
    <section aria-labelledby="empty-heading" className="rounded-lg border border-dashed border-zinc-300 bg-white p-6 dark:border-zinc-700 dark:bg-zinc-900">
      <h2 id="empty-heading" className="font-semibold">
        No tasks yet
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        An agent creates a task and records checkpoints over HTTP. Paste this into a terminal; the task appears here live.
      </p>
      <div className="relative mt-4">
        <pre tabIndex={0} className="overflow-x-auto rounded-md bg-zinc-950 p-4 pr-24 font-mono text-xs leading-relaxed text-zinc-100">
          <code data-testid="first-task-curl">{commands}</code>
        </pre>
        <div className="absolute top-2 right-2">
          <CopyButton text={commands} label="Copy commands" />
        </div>
      </div>
    </section>
  );
}
