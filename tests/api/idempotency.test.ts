import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";
import { events } from "../support/test-db";

describe("Idempotency-Key on POST", () => {
  it("resolves 20 concurrent duplicates to exactly one checkpoint: all 201, all but one replayed, same body", async () => {
    const key = uniqueKey("idem-race");
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "exactly once" }, headers: { "idempotency-key": `race-${key}` } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    const list = await api<{ items: unknown[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(list.body.items).toHaveLength(1);
    expect((await events(key)).filter((e) => e.type === "checkpoint.created")).toHaveLength(1);
  });

  it("resolves concurrent duplicate blockers and handoffs to one record each", async () => {
    const key = uniqueKey("idem-race2");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Race" } });
    const blockers = await Promise.all(
      Array.from({ length: 10 }, () => api(`/api/v1/tasks/${key}/blockers`, { json: { title: "once" }, headers: { "idempotency-key": "b" } })),
    );
    const handoffs = await Promise.all(
      Array.from({ length: 10 }, () => api(`/api/v1/tasks/${key}/handoffs`, { json: { from: "infra", to: "app" }, headers: { "idempotency-key": "h" } })),
    );
    expect([...blockers, ...handoffs].every((r) => r.status === 201)).toBe(true);
    const types = (await events(key)).map((e) => e.type);
    expect(types.filter((t) => t === "blocker.opened")).toHaveLength(1);
    expect(types.filter((t) => t === "handoff.created")).toHaveLength(1);
  });

  it("keeps keys apart per endpoint and refuses a reused key with another body (422)", async () => {
    const key = uniqueKey("idem-scope");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Scopes" } });
    const checkpoint = await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "a" }, headers: { "idempotency-key": "shared" } });
    const blocker = await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "b" }, headers: { "idempotency-key": "shared" } });
    expect([checkpoint.status, blocker.status]).toEqual([201, 201]);
    expect(blocker.headers.get("idempotent-replayed")).toBeNull();
    const reused = await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "c" }, headers: { "idempotency-key": "shared" } });
    expect(reused.status).toBe(422);
    expect(String(reused.body.type)).toMatch(/idempotency-key-reused$/);
  });

  it("does not store failures: a retry after a 404 runs again and can succeed", async () => {
    const key = uniqueKey("idem-404");
    const attempt = () => api(`/api/v1/tasks/${key}/heartbeat`, { method: "POST", headers: { "idempotency-key": "beat" } });
    expect((await attempt()).status).toBe(404);
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Now exists" } });
    expect((await attempt()).status).toBe(204);
    const replay = await attempt();
    expect(replay.status).toBe(204);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });
});
