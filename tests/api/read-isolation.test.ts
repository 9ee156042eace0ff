// Reads see committed data only, and never wait behind a write transaction.
import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";

type Page = { items: { summary: string }[] };
type Task = { lastActivityAt: string };

describe("read isolation", () => {
  it("answers reads while a write transaction is open and never shows them its uncommitted rows", async () => {
    const written = uniqueKey("isolation");
    const busy = uniqueKey("isolation-busy");
    expect((await api(`/api/v1/tasks/${busy}`, { method: "PUT", json: { title: "Keeps the transaction busy" } })).status).toBeLessThan(300);
    // One transaction: a checkpoint on `written` first, then ~1,000 heartbeats on `busy` keep the transaction open,
    // each moving busy's lastActivityAt. Once `written` is visible the whole transaction must be: `busy` is final.
    const operations = [
      { op: "checkpoint", task: written, body: { summary: "written first" } },
      ...Array.from({ length: 999 }, () => ({ op: "heartbeat", task: busy })),
    ];
    // Warm both read routes, so the first read is not slower than the whole batch.
    await api(`/api/v1/tasks/${written}/checkpoints`);
    await api(`/api/v1/tasks/${busy}`);
    let answered = false;
    const batch = api<{ results: { status: number }[] }>("/api/v1/batch", { json: { operations } }).finally(() => (answered = true));

    const reads: { checkpoint: number; busyActivity: string }[] = [];
    while (!answered) {
      const checkpoint = await api<Page>(`/api/v1/tasks/${written}/checkpoints`);
      const task = await api<Task>(`/api/v1/tasks/${busy}`);
      reads.push({ checkpoint: checkpoint.status, busyActivity: task.body.lastActivityAt });
    }
    const response = await batch;
    expect(response.status).toBe(207);
    expect(response.body.results.every((result) => result.status < 300)).toBe(true);
    const final = (await api<Task>(`/api/v1/tasks/${busy}`)).body.lastActivityAt;

    // Reads were answered while the transaction was open (its checkpoint not visible yet)…
    expect(reads.filter((read) => read.checkpoint === 404).length).toBeGreaterThan(0);
    // …and whenever its first write was visible, so was its last: no read saw part of the transaction.
    for (const read of reads.filter((r) => r.checkpoint === 200)) expect(read.busyActivity).toBe(final);
    expect((await api<Page>(`/api/v1/tasks/${written}/checkpoints`)).body.items.map((item) => item.summary)).toEqual(["written first"]);
  }, 120_000);
});
