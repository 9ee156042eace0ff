import { reader } from "@/lib/server/db/transaction";

export async function checkHealth() {
  const started = performance.now();
  try {
    const db = await reader();
    // Reads rows from the file: `SELECT 1` is answered by SQLite without touching the database at all.
    await db.$queryRawUnsafe(`SELECT migration_name FROM "_prisma_migrations" LIMIT 1`);
    return { status: "ok" as const, database: { status: "ok" as const, latencyMs: Math.round((performance.now() - started) * 100) / 100 } };
  } catch (error) {
    // The error names files and SQL: it belongs in the server's log, not in an anonymous answer.
    console.error("[health] database check failed:", error);
    return { status: "error" as const, database: { status: "error" as const, detail: "The database did not answer; see the server log." } };
  }
}
