import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";
import { events } from "../support/test-db";

type Blocker = { id: number; title: string; kind: string; owner: string | null; phase: string | null; status: string; resolution: string | null; resolvedAt: string | null };

async function createTask() {
  const key = uniqueKey("blockers");
  await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Blocked work", phases: [{ key: "deploy" }] } });
  await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "started", phase: "deploy" } });
  return key;
}

describe("POST /api/v1/tasks/{key}/blockers and PATCH …/blockers/{id}", () => {
  it("opens a blocker (task becomes blocked) and resolves it (task active again), with one event each", async () => {
    const key = await createTask();
    const opened = await api<Blocker>(`/api/v1/tasks/${key}/blockers`, {
      json: { title: "Need Redis connection string from config", kind: "dependency", owner: "infra-agent", phase: "deploy", detail: "REDIS_URL is unset" },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ title: "Need Redis connection string from config", kind: "dependency", owner: "infra-agent", phase: "deploy", status: "open" });
    const blocked = await api(`/api/v1/tasks/${key}`);
    expect(blocked.body).toMatchObject({ status: "blocked", openBlockers: [expect.objectContaining({ id: opened.body.id })] });

    const resolved = await api<Blocker>(`/api/v1/tasks/${key}/blockers/${opened.body.id}`, {
      method: "PATCH",
      json: { status: "resolved", resolution: "REDIS_URL=redis://cache:6379" },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "resolved", resolution: "REDIS_URL=redis://cache:6379" });
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ status: "active", openBlockers: [] });
    expect((await events(key)).map((e) => e.type).filter((t) => t.startsWith("blocker."))).toEqual(["blocker.opened", "blocker.resolved"]);
  });

  it("defaults kind to other", async () => {
    const key = await createTask();
    const opened = await api<Blocker>(`/api/v1/tasks/${key}/blockers`, { json: { title: "Rate limited" } });
    expect(opened.body.kind).toBe("other");
  });

  it("answers 409 when resolving twice, and the first resolution stays", async () => {
    const key = await createTask();
    const opened = await api<Blocker>(`/api/v1/tasks/${key}/blockers`, { json: { title: "Waiting for access", kind: "access" } });
    const resolve = (resolution: string) =>
      api<Blocker>(`/api/v1/tasks/${key}/blockers/${opened.body.id}`, { method: "PATCH", json: { status: "resolved", resolution } });
    expect((await resolve("granted")).status).toBe(200);
    const again = await resolve("granted twice");
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
    expect(again.body).toMatchObject({ blocker: { resolution: "granted" } });
  });

  it("answers 404 for an unknown task, phase or blocker, and for a blocker of another task", async () => {
    expect((await api(`/api/v1/tasks/${uniqueKey("none")}/blockers`, { json: { title: "x" } })).status).toBe(404);
    const key = await createTask();
    expect((await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "x", phase: "nope" } })).status).toBe(404);
    const resolve = { method: "PATCH", json: { status: "resolved", resolution: "ok" } };
    expect((await api(`/api/v1/tasks/${key}/blockers/999999`, resolve)).status).toBe(404);
    const other = await createTask();
    const foreign = await api<Blocker>(`/api/v1/tasks/${other}/blockers`, { json: { title: "theirs" } });
    expect((await api(`/api/v1/tasks/${key}/blockers/${foreign.body.id}`, resolve)).status).toBe(404);
  });

  it("answers 422 for an unknown kind, a missing title, a resolution without text or a non-numeric id", async () => {
    const key = await createTask();
    const badKind = await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "x", kind: "weather" } });
    expect(badKind.status).toBe(422);
    expect(badKind.body.errors).toEqual([expect.objectContaining({ path: "kind" })]);
    expect((await api(`/api/v1/tasks/${key}/blockers`, { json: { kind: "access" } })).status).toBe(422);
    const opened = await api<Blocker>(`/api/v1/tasks/${key}/blockers`, { json: { title: "x" } });
    expect((await api(`/api/v1/tasks/${key}/blockers/${opened.body.id}`, { method: "PATCH", json: { status: "resolved" } })).status).toBe(422);
    expect((await api(`/api/v1/tasks/${key}/blockers/${opened.body.id}`, { method: "PATCH", json: { status: "open", resolution: "x" } })).status).toBe(422);
    expect((await api(`/api/v1/tasks/${key}/blockers/abc`, { method: "PATCH", json: { status: "resolved", resolution: "x" } })).status).toBe(422);
  });

  it("answers 400 for malformed JSON, 401 without a token, 413 over 1 MiB", async () => {
    const key = await createTask();
    expect((await api(`/api/v1/tasks/${key}/blockers`, { text: "{", contentType: "application/json" })).status).toBe(400);
    expect((await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "x" }, token: null })).status).toBe(401);
    expect((await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "x", detail: "y".repeat(1024 * 1024) } })).status).toBe(413);
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ openBlockers: [] });
  });

  it("replays an Idempotency-Key retry without opening a second blocker", async () => {
    const key = await createTask();
    const send = () => api<Blocker>(`/api/v1/tasks/${key}/blockers`, { json: { title: "Quota exceeded", kind: "rate_limit" }, headers: { "idempotency-key": "blk-1" } });
    const first = await send();
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect((await api<{ openBlockers: unknown[] }>(`/api/v1/tasks/${key}`)).body.openBlockers).toHaveLength(1);
  });
});
