// Retries with the same Idempotency-Key never write twice, whatever they race with.
import { describe, expect, it } from "vitest";
import { baseUrl, agentToken, uniqueKey } from "./context";
import { testDb, taskId } from "../support/test-db";

const AGENTS = 20;
const CHECKPOINTS = 250;

/** One attempt; `abortAfterMs` gives up on the response like a client timeout (the server may still commit). */
async function post(key: string, idempotencyKey: string, summary: string, abortAfterMs?: number): Promise<number | null> {
  const controller = new AbortController();
  if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
  try {
    const response = await fetch(`${baseUrl}/api/v1/tasks/${key}/checkpoints`, {
      method: "POST",
      headers: { authorization: `Bearer ${agentToken}`, "content-type": "application/json", "idempotency-key": idempotencyKey },
      body: JSON.stringify({ summary }),
      signal: controller.signal,
    });
    const body = (await response.json()) as { seq: number };
    expect(response.status).toBe(201);
    return body.seq;
  } catch (error) {
    if (controller.signal.aborted) return null;
    throw error;
  }
}

describe("exactly once", () => {
  it("turns 20 agents × 250 checkpoints with retries on the same Idempotency-Key into exactly 5,000 checkpoints, seq 1..5,000", async () => {
    const key = uniqueKey("exactly-once");
    const agent = async (n: number) => {
      for (let i = 0; i < CHECKPOINTS; i++) {
        const idempotencyKey = `agent-${n}-checkpoint-${i}`;
        const summary = `agent ${n} checkpoint ${i}`;
        let seqs: (number | null)[];
        if (i % 5 === 1) {
          // A retry racing its original (the client gave up too early and sent it again).
          seqs = await Promise.all([post(key, idempotencyKey, summary), post(key, idempotencyKey, summary)]);
        } else if (i % 5 === 2) {
          // A timed-out attempt, then the retry: the first may or may not have been committed.
          await post(key, idempotencyKey, summary, Math.random() * 5);
          seqs = [await post(key, idempotencyKey, summary), await post(key, idempotencyKey, summary)];
        } else {
          seqs = [await post(key, idempotencyKey, summary)];
        }
        // Every answer for one key names the same checkpoint.
        expect(new Set(seqs).size).toBe(1);
      }
    };
    await Promise.all(Array.from({ length: AGENTS }, (_, n) => agent(n)));

    const rows = await testDb().query<{ seq: number; summary: string }>(`SELECT "seq", "summary" FROM "Checkpoint" WHERE "taskId" = ? ORDER BY "seq"`, await taskId(key));
    expect(rows).toHaveLength(AGENTS * CHECKPOINTS);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: AGENTS * CHECKPOINTS }, (_, i) => i + 1));
    expect(new Set(rows.map((row) => row.summary)).size).toBe(AGENTS * CHECKPOINTS);
  }, 300_000);
});
