import { reader } from "@/lib/server/db/transaction";

export async function checkHealth() {
  const started = performance.now();
  try {
    const db = await reader();
    await db.$queryRawUnsafe("SELECT 1");
    return { status: "ok" as const, database: { status: "ok" as const, latencyMs: Math.round((performance.now() - started) * 100) / 100 } };
  } catch (error) {
    return { status: "error" as const, database: { status: "error" as const, detail: (error as Error).message } };
  }
}
