// `GET /tasks`: newest activity first, keyset-paged; status is derived, so it is filtered after loading.
import type { Prisma } from "@/generated/prisma/client";
import { containsIgnoringCase } from "@/lib/server/db/text-filter";
import { reader } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import type { TaskListQuery } from "@/lib/schemas/task";
import { taskSummaryInclude, toTaskSummary, type TaskSummary } from "@/lib/server/tasks/task-view";

type Cursor = { at: string; id: number };

export async function listTasks(query: TaskListQuery): Promise<{ items: TaskSummary[]; nextCursor: string | null }> {
  const tx = await reader();
  const now = new Date();
  const items: TaskSummary[] = [];
  let cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const chunk = query.status ? Math.max(query.limit * 2, 100) : query.limit + 1;
  for (;;) {
    const rows = await tx.task.findMany({
      where: { AND: [searchFilter(query.q), cursor ? afterCursor(cursor) : {}] },
      include: taskSummaryInclude,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      take: chunk,
    });
    for (const row of rows) {
      const summary = toTaskSummary(row, now);
      if (query.status && summary.status !== query.status) {
        cursor = { at: row.lastActivityAt.toISOString(), id: row.id };
        continue;
      }
      if (items.length === query.limit) return { items, nextCursor: encodeCursor(cursor) };
      items.push(summary);
      cursor = { at: row.lastActivityAt.toISOString(), id: row.id };
    }
    if (rows.length < chunk) return { items, nextCursor: null };
  }
}

function searchFilter(q: string | undefined): Prisma.TaskWhereInput {
  const term = q?.trim();
  if (!term) return {};
  const matches = containsIgnoringCase(term);
  return { OR: [{ key: matches }, { title: matches }, { description: matches }] };
}

function afterCursor(cursor: Cursor): Prisma.TaskWhereInput {
  const at = new Date(cursor.at);
  return { OR: [{ lastActivityAt: { lt: at } }, { lastActivityAt: at, id: { lt: cursor.id } }] };
}

function encodeCursor(cursor: Cursor | null): string | null {
  return cursor ? Buffer.from(JSON.stringify(cursor)).toString("base64url") : null;
}

function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof parsed.at === "string" && Number.isInteger(parsed.id) && !Number.isNaN(Date.parse(parsed.at))) return parsed;
  } catch {
    // fall through to the error below
  }
  throw new AppError("validation-failed", "The cursor is not one this server handed out.", { errors: [{ path: "cursor", message: "invalid cursor" }] });
}
