// Acknowledged means committed: a server SIGKILLed in the middle of a burst keeps every checkpoint it answered 201.
import { afterAll, describe, expect, it } from "vitest";
import { client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

const AGENTS = 10;
const KILL_AFTER = 300;

let restarted: RunningServer | undefined;
afterAll(() => restarted?.stop());

describe("durability", () => {
  it("keeps every checkpoint acknowledged with 201 when the server is SIGKILLed mid-burst and restarted on the same data", async () => {
    const first = await startServer();
    const api = client(first.url, first.agentToken);
    const acknowledged = new Map<number, string>();
    let killing: Promise<void> | undefined;

    const agent = async (name: string) => {
      for (let i = 0; ; i++) {
        const summary = `${name} step ${i}`;
        const response = await api<{ seq: number; summary: string }>("/api/v1/tasks/burst/checkpoints", { json: { summary } }).catch(() => null);
        if (!response) return; // the server is gone
        expect(response.status).toBe(201);
        acknowledged.set(response.body.seq, summary);
        if (acknowledged.size >= KILL_AFTER) killing ??= first.kill();
      }
    };
    await Promise.all(Array.from({ length: AGENTS }, (_, n) => agent(`agent-${n}`)));
    await killing;
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

    restarted = await startServer({}, { dataDir: first.dataDir, adminToken: first.adminToken, agentToken: first.agentToken });
    const after = client(restarted.url, restarted.agentToken);
    type Page = { items: { seq: number; summary: string }[]; nextBefore: number | null };
    const stored = new Map<number, string>();
    for (let before: number | null = null; ; ) {
      const page: { status: number; body: Page } = await after<Page>(`/api/v1/tasks/burst/checkpoints?limit=500${before ? `&before=${before}` : ""}`);
      expect(page.status).toBe(200);
      for (const item of page.body.items) stored.set(item.seq, item.summary);
      if (page.body.nextBefore === null) break;
      before = page.body.nextBefore;
    }
    for (const [seq, summary] of acknowledged) expect(stored.get(seq), `acknowledged seq ${seq}`).toBe(summary);
    // Only whole transactions survive: the seqs that are there run 1..n without a gap.
    expect([...stored.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: stored.size }, (_, i) => i + 1));
  }, 240_000);
});
