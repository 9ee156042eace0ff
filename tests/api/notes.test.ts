import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";
import { GUIDE_NOTE, GUIDE_NOTE_FIELDS } from "../support/guide-examples";

type Checkpoint = { seq: number; summary: string; phase: string | null; agent: string | null; done: string[]; next: string[]; dependencies: string[]; body: string };

describe("POST /api/v1/tasks/{key}/checkpoints with a text/plain note", () => {
  it("records the guide's record_note example with phase and agent from the query", async () => {
    const key = uniqueKey("note");
    const response = await api<Checkpoint>(`/api/v1/tasks/${key}/checkpoints?phase=phase-1&agent=claude-code`, { text: GUIDE_NOTE });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      seq: 1,
      phase: "phase-1",
      agent: "claude-code",
      summary: GUIDE_NOTE_FIELDS.summary,
      done: GUIDE_NOTE_FIELDS.done,
      next: GUIDE_NOTE_FIELDS.next,
      dependencies: GUIDE_NOTE_FIELDS.dependencies,
    });
    const task = await api(`/api/v1/tasks/${key}`);
    expect(task.body).toMatchObject({ latestCheckpoint: { summary: "Phase 1 Complete" }, phases: [expect.objectContaining({ key: "phase-1", status: "active", agent: "claude-code" })] });
  });

  it("accepts CRLF, `*` and numbered bullets and a note without a header", async () => {
    const key = uniqueKey("note-crlf");
    const response = await api<Checkpoint>(`/api/v1/tasks/${key}/checkpoints`, {
      text: "Schema migration complete\r\n* Tables created\r\n\r\nNEXT ACTIONS:\r\n1. Backfill\r\n",
      contentType: "text/plain; charset=utf-8",
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ summary: "Schema migration complete", done: ["Tables created"], next: ["Backfill"] });
  });

  it("moves the phase with ?phaseStatus= under the same gate rules", async () => {
    const key = uniqueKey("note-gate");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Gated", phases: [{ key: "verify", verification: [{ name: "tests" }] }] } });
    const refused = await api(`/api/v1/tasks/${key}/checkpoints?phase=verify&phaseStatus=done`, { text: "=== CHECKPOINT: done ===" });
    expect(refused.status).toBe(409);
    expect(String(refused.body.type)).toMatch(/verification-incomplete$/);
  });

  it("rejects an empty note with 422 and records nothing", async () => {
    const key = uniqueKey("note-empty");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Empty note" } });
    for (const text of ["", "  \r\n\n", "#\n#"]) {
      const response = await api(`/api/v1/tasks/${key}/checkpoints`, { method: "POST", text });
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    const list = await api<{ items: unknown[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(list.body.items).toHaveLength(0);
  });

  it("rejects an invalid ?phase= with 422 and an unknown content type with 415", async () => {
    const key = uniqueKey("note-bad");
    const badPhase = await api(`/api/v1/tasks/${key}/checkpoints?phase=Not%20A%20Slug`, { text: "=== CHECKPOINT: x ===" });
    expect(badPhase.status).toBe(422);
    expect(badPhase.body.errors).toEqual([expect.objectContaining({ path: "phase" })]);
    const xml = await api(`/api/v1/tasks/${key}/checkpoints`, { text: "<note/>", contentType: "application/xml" });
    expect(xml.status).toBe(415);
  });

  it("answers 401 without a token and 413 for a note over 1 MiB, recording nothing", async () => {
    const key = uniqueKey("note-limits");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Limits" } });
    expect((await api(`/api/v1/tasks/${key}/checkpoints`, { text: GUIDE_NOTE, token: null })).status).toBe(401);
    const huge = await api(`/api/v1/tasks/${key}/checkpoints`, { text: `=== CHECKPOINT: big ===\n- ${"x".repeat(1024 * 1024)}` });
    expect(huge.status).toBe(413);
    expect(huge.headers.get("content-type")).toContain("application/problem+json");
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ counts: { checkpoints: 0 } });
  });

  it("replays a retried note with the same Idempotency-Key", async () => {
    const key = uniqueKey("note-idem");
    const send = () => api<Checkpoint>(`/api/v1/tasks/${key}/checkpoints`, { text: GUIDE_NOTE, headers: { "idempotency-key": "note-1" } });
    const first = await send();
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
  });
});
