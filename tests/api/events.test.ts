import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentToken, api, baseUrl, uniqueKey } from "./context";
import { startServer, type RunningServer } from "../support/server";
import { openEventStream } from "../support/sse";

type StreamedEvent = { seq: number; type: string; taskKey: string | null; payload: { checkpoint?: { summary: string } } };

async function openStream(url: string, headers: Record<string, string> = {}, token = agentToken) {
  const stream = await openEventStream(url, token, headers);
  return { ...stream, nextEvent: () => stream.nextEvent<StreamedEvent>() };
}

const checkpoint = (key: string, summary: string) => api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary } });

describe("GET /api/v1/events (Server-Sent Events)", () => {
  it("delivers a checkpoint posted after connecting as id/event/data", async () => {
    const key = uniqueKey("sse");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Live" } });
    const stream = await openStream(`${baseUrl}/api/v1/events?task=${key}`);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
      await stream.connected();
      await checkpoint(key, "Phase 1 complete");
      const received = await stream.nextEvent();
      expect(received.event).toBe("checkpoint.created");
      expect(received.id).toMatch(/^\d+$/);
      expect(received.data).toMatchObject({ seq: Number(received.id), type: "checkpoint.created", taskKey: key });
      expect(received.data.payload.checkpoint?.summary).toBe("Phase 1 complete");
    } finally {
      stream.close();
    }
  });

  it("replays exactly the missed events, in order, on reconnect with Last-Event-ID, then goes live", async () => {
    const key = uniqueKey("sse");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Reconnect" } });
    const first = await openStream(`${baseUrl}/api/v1/events?task=${key}`);
    await first.connected();
    await checkpoint(key, "seen");
    const seen = await first.nextEvent();
    first.close();

    for (const summary of ["missed 1", "missed 2", "missed 3"]) await checkpoint(key, summary);
    const log = await api<{ items: StreamedEvent[] }>(`/api/v1/tasks/${key}/events?after=${seen.id}`);
    expect(log.body.items.map((e) => e.payload.checkpoint?.summary)).toEqual(["missed 1", "missed 2", "missed 3"]);

    const second = await openStream(`${baseUrl}/api/v1/events?task=${key}`, { "last-event-id": seen.id });
    try {
      const replayed = [await second.nextEvent(), await second.nextEvent(), await second.nextEvent()];
      expect(replayed.map((e) => Number(e.id))).toEqual(log.body.items.map((e) => e.seq));
      expect(replayed.map((e) => e.data.payload.checkpoint?.summary)).toEqual(["missed 1", "missed 2", "missed 3"]);
      await checkpoint(key, "live again");
      const live = await second.nextEvent();
      expect(live.data.payload.checkpoint?.summary).toBe("live again");
      expect(Number(live.id)).toBeGreaterThan(Number(replayed[2].id));
    } finally {
      second.close();
    }
  });

  it("filters by ?task=", async () => {
    const watched = uniqueKey("watched");
    const other = uniqueKey("other");
    const stream = await openStream(`${baseUrl}/api/v1/events?task=${watched}`);
    try {
      await stream.connected();
      await checkpoint(other, "not for this stream");
      await checkpoint(watched, "for this stream");
      const received = await stream.nextEvent();
      expect(received.data.taskKey).toBe(watched);
      expect(received.data.payload.checkpoint?.summary).toBe("for this stream");
    } finally {
      stream.close();
    }
  });

  it("refuses a stream without a token (401)", async () => {
    const response = await fetch(`${baseUrl}/api/v1/events`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("SSE keep-alive", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ BATON_SSE_KEEPALIVE_MS: "100" });
  }, 300_000);
  afterAll(() => server?.stop());

  it("sends comment lines to idle streams every BATON_SSE_KEEPALIVE_MS", async () => {
    const stream = await openStream(`${server.url}/api/v1/events`, {}, server.agentToken);
    try {
      await stream.connected();
      const frame = await stream.nextFrame();
      expect(frame.data).toBeUndefined();
      expect(frame.comments[0]).toMatch(/^keep-alive/);
    } finally {
      stream.close();
    }
  });
});

describe("GET /api/v1/tasks/{key}/events", () => {
  it("pages the task's event log oldest first with nextAfter", async () => {
    const key = uniqueKey("log");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Log" } });
    for (const summary of ["one", "two", "three"]) await checkpoint(key, summary);
    const page1 = await api<{ items: StreamedEvent[]; nextAfter: number | null }>(`/api/v1/tasks/${key}/events?limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((e) => e.type)).toEqual(["task.updated", "checkpoint.created"]);
    expect(page1.body.nextAfter).toBe(page1.body.items[1].seq);
    const page2 = await api<{ items: StreamedEvent[]; nextAfter: number | null }>(`/api/v1/tasks/${key}/events?limit=2&after=${page1.body.nextAfter}`);
    expect(page2.body.items.map((e) => e.payload.checkpoint?.summary)).toEqual(["two", "three"]);
    expect(page2.body.nextAfter).toBeNull();
    const seqs = [...page1.body.items, ...page2.body.items].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it("answers 404 for an unknown task and 422 for a bad limit", async () => {
    expect((await api(`/api/v1/tasks/${uniqueKey("missing")}/events`)).status).toBe(404);
    const key = uniqueKey("log");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Log" } });
    expect((await api(`/api/v1/tasks/${key}/events?limit=0`)).status).toBe(422);
  });
});
