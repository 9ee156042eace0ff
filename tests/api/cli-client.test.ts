import { describe, expect, it } from "vitest";
import { ApiError, BatonClient, NetworkError } from "@/lib/client/baton-client";
import { freePort } from "../support/server";
import { agentToken, baseUrl, uniqueKey } from "./context";

const client = new BatonClient({ url: baseUrl, token: agentToken });

describe("the typed Baton client", () => {
  it("creates a task, records a JSON checkpoint and a text note, and reads them back through the brief", async () => {
    const key = uniqueKey("client");
    const put = await client.putTask(key, { title: "Backfill", phases: [{ key: "backfill" }] });
    expect(put.created).toBe(true);
    expect((await client.putTask(key, { title: "Backfill" })).created).toBe(false);
    const checkpoint = await client.recordCheckpoint(key, {
      summary: "73% done",
      phase: "backfill",
      progress: { current: 730_000, total: 1_000_000, unit: "records" },
      resumeFrom: "record 730000",
    });
    expect(checkpoint.seq).toBe(1);
    const note = await client.recordNote(key, "=== CHECKPOINT: second ===\n- batch 74 written\nNEXT ACTIONS:\n- batch 75\n", { phase: "backfill" });
    expect(note).toMatchObject({ seq: 2, summary: "second", done: ["batch 74 written"], next: ["batch 75"] });
    const brief = await client.brief(key);
    expect(brief.task.key).toBe(key);
    expect(await client.briefMarkdown(key)).toContain("record 730000");
    expect((await client.getTask(key)).latestCheckpoint?.seq).toBe(2);
  });

  it("turns a problem+json refusal into an ApiError carrying status, type and detail", async () => {
    const error = await client.getTask(uniqueKey("missing")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404 });
    expect((error as ApiError).type).toMatch(/not-found$/);
    expect((error as ApiError).detail).toMatch(/task/i);
  });

  it("reports an unreachable server as a NetworkError, distinct from a refusal", async () => {
    const offline = new BatonClient({ url: `http://127.0.0.1:${await freePort()}`, token: agentToken });
    const error = await offline.heartbeat("anything").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it("replays a write with the same idempotency key instead of applying it twice", async () => {
    const key = uniqueKey("client-idem");
    await client.putTask(key, { title: "Idempotent" });
    const first = await client.recordCheckpoint(key, { summary: "once" }, { idempotencyKey: `${key}-1` });
    const again = await client.recordCheckpoint(key, { summary: "once" }, { idempotencyKey: `${key}-1` });
    expect(again.seq).toBe(first.seq);
    expect((await client.getTask(key)).counts.checkpoints).toBe(1);
  });

  it("sends a batch and returns its results in order", async () => {
    const key = uniqueKey("client-batch");
    await client.putTask(key, { title: "Batch" });
    const results = await client.batch([
      { op: "checkpoint", task: key, body: { summary: "one" } },
      { op: "heartbeat", task: key, body: {} },
      { op: "checkpoint", task: key, body: { summary: "" } },
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 204, 422]);
  });
});
