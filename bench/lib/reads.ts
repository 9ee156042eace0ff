// Read latency on a 100,000-checkpoint task while single-checkpoint ingest runs on another task.
import { openTestDatabase } from "../../tests/support/database";

export const READ_PATHS = ["", "/brief", "/checkpoints?limit=100", "/timeline"] as const;

export type ReadResult = { path: string; p50Ms: number; p99Ms: number; maxMs: number; non2xx: number };

const PHASES = ["extract", "backfill", "verify"];

/** Creates the task through the API, then writes its checkpoints straight into the database (arranging, not measuring). */
export async function seedLargeTask(url: string, token: string, databaseUrl: string, key: string, count: number): Promise<void> {
  const response = await fetch(`${url}/api/v1/tasks/${key}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ title: "Backfill 100,000 chunks", phases: PHASES.map((phase) => ({ key: phase })) }),
  });
  if (!response.ok) throw new Error(`seeding: PUT task answered ${response.status}`);
  const db = openTestDatabase(databaseUrl);
  try {
    const [{ id }] = await db.query<{ id: number }>(`SELECT "id" FROM "Task" WHERE "key" = ?`, key);
    const start = Date.now() - count * 1000;
    const CHUNK = 500;
    for (let first = 1; first <= count; first += CHUNK) {
      const values: unknown[] = [];
      for (let seq = first; seq < Math.min(first + CHUNK, count + 1); seq++) {
        // The middle phase holds almost all checkpoints; the others only a handful of progress points.
        const phase = seq <= 3 ? PHASES[0] : seq > count - 3 ? PHASES[2] : PHASES[1];
        const metrics = JSON.stringify({ tokens: seq * 10, costUsd: seq / 1000 });
        values.push(id, seq, phase, `chunk ${seq}`, seq, count, metrics, await db.storedDate(new Date(start + seq * 1000)));
      }
      await db.query(
        `INSERT INTO "Checkpoint" ("taskId", "seq", "phaseKey", "summary", "done", "next", "progressCurrent", "progressTotal", "progressUnit", "metrics", "createdAt")
         VALUES ${Array.from({ length: values.length / 8 }, () => `(?, ?, ?, ?, '["a chunk"]', '["the next chunk"]', ?, ?, 'records', ?, ?)`).join(", ")}`,
        ...values,
      );
    }
    await db.query(`UPDATE "Task" SET "checkpointSeq" = ? WHERE "id" = ?`, count, id);
  } finally {
    await db.close();
  }
}

/** Reads every path in turn until `until` resolves, timing each request. */
export async function measureReads(url: string, token: string, key: string, until: Promise<unknown>): Promise<ReadResult[]> {
  const samples = new Map<string, number[]>(READ_PATHS.map((path) => [path, []]));
  const failures = new Map<string, number>(READ_PATHS.map((path) => [path, 0]));
  // Each route's first request loads its code: not what is measured.
  for (const path of READ_PATHS) await (await fetch(`${url}/api/v1/tasks/${key}${path}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
  let done = false;
  void until.then(() => (done = true));
  while (!done) {
    for (const path of READ_PATHS) {
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/tasks/${key}${path}`, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      samples.get(path)!.push(performance.now() - started);
      if (!response.ok) failures.set(path, failures.get(path)! + 1);
    }
  }
  return READ_PATHS.map((path) => {
    const sorted = samples.get(path)!.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { path: `GET /tasks/{key}${path}`, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] ?? 0, non2xx: failures.get(path)! };
  });
}
