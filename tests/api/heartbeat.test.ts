import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";
import { events, testDb } from "../support/test-db";

async function ageTask(key: string, seconds: number) {
  const db = testDb();
  await db.query(`UPDATE "Task" SET "lastActivityAt" = ? WHERE "key" = ?`, await db.storedDate(new Date(Date.now() - seconds * 1000)), key);
}

describe("POST /api/v1/tasks/{key}/heartbeat and the stale status", () => {
  it("reports a task stale after staleAfterSeconds without activity, and a heartbeat revives it without an event", async () => {
    const key = uniqueKey("stale");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Long job", staleAfterSeconds: 10 } });
    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "working" } });
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ status: "active" });

    await ageTask(key, 60);
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ status: "stale" });
    const listed = await api<{ items: { key: string; status: string }[] }>(`/api/v1/tasks?status=stale`);
    expect(listed.body.items.map((t) => t.key)).toContain(key);

    const eventsBefore = (await events(key)).length;
    const beat = await api(`/api/v1/tasks/${key}/heartbeat`, { json: { agent: "worker-1" } });
    expect(beat.status).toBe(204);
    expect(beat.text).toBe("");
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ status: "active" });
    expect(await events(key)).toHaveLength(eventsBefore);
  });

  it("accepts an empty body", async () => {
    const key = uniqueKey("beat");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Beat" } });
    expect((await api(`/api/v1/tasks/${key}/heartbeat`, { method: "POST" })).status).toBe(204);
  });

  it("answers 404 for an unknown task, 422 for a bad body, 400 for malformed JSON, 401 without a token", async () => {
    expect((await api(`/api/v1/tasks/${uniqueKey("none")}/heartbeat`, { method: "POST" })).status).toBe(404);
    const key = uniqueKey("beat-bad");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Beat" } });
    const bad = await api(`/api/v1/tasks/${key}/heartbeat`, { json: { agent: 42 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: "agent" })]);
    expect((await api(`/api/v1/tasks/${key}/heartbeat`, { text: "{", contentType: "application/json" })).status).toBe(400);
    expect((await api(`/api/v1/tasks/${key}/heartbeat`, { method: "POST", token: null })).status).toBe(401);
  });
});
