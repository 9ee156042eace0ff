import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";
import { events, taskId, testDb } from "../support/test-db";

type Phase = { key: string; status: string; agent: string | null; progress: { current: number; total: number | null; unit: string | null; percent: number | null } | null; startedAt: string | null; completedAt: string | null };

async function createTask(phases: object[]) {
  const key = uniqueKey("phases");
  const response = await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Phases", phases } });
  expect(response.status).toBe(201);
  return key;
}

const patch = (key: string, phase: string, json: unknown, token?: string | null) =>
  api<Phase & { type?: string; errors?: { path: string }[] }>(`/api/v1/tasks/${key}/phases/${phase}`, { method: "PATCH", json, token });

/** A person's decision, written as the approvals feature would (its own API is tested elsewhere). */
async function insertApproval(key: string, phase: string, status: "approved" | "pending" | "rejected", requestedAt: Date) {
  const db = testDb();
  const task = await taskId(key);
  const [{ id: phaseId }] = await db.query<{ id: number }>(`SELECT "id" FROM "Phase" WHERE "taskId" = ? AND "key" = ?`, task, phase);
  await db.query(
    `INSERT INTO "Approval" ("id", "taskId", "phaseId", "title", "artifactName", "artifactContentType", "artifactContent", "artifactSha256", "status", "expiresAt", "onExpiry", "createdAt")
     VALUES (?, ?, ?, 'Apply plan', 'plan.txt', 'text/plain', 'Plan: 1 to add', 'abc', ?, ?, 'reject', ?)`,
    randomUUID(),
    task,
    phaseId,
    status,
    await db.storedDate(new Date(requestedAt.getTime() + 3_600_000)),
    await db.storedDate(requestedAt),
  );
}

describe("PATCH /api/v1/tasks/{key}/phases/{phase}", () => {
  it("starts and finishes a phase with progress, lane and timestamps, writing one phase.updated event each", async () => {
    const key = await createTask([{ key: "backfill" }, { key: "verify" }]);
    const started = await patch(key, "backfill", { status: "active", progress: { current: 730000, total: 1000000, unit: "records" }, agent: "db-agent" });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      key: "backfill",
      status: "active",
      agent: "db-agent",
      progress: { current: 730000, total: 1000000, unit: "records", percent: 73 },
      completedAt: null,
    });
    expect(started.body.startedAt).not.toBeNull();
    const task = await api(`/api/v1/tasks/${key}`);
    expect(task.body).toMatchObject({ status: "active", progress: { percent: 36.5 }, currentPhase: { key: "backfill" } });

    const done = await patch(key, "backfill", { status: "done" });
    expect(done.body).toMatchObject({ status: "done", startedAt: started.body.startedAt });
    expect(done.body.completedAt).not.toBeNull();
    expect((await events(key)).filter((e) => e.type === "phase.updated").map((e) => [e.payload.from, e.payload.to])).toEqual([
      ["pending", "active"],
      ["active", "done"],
    ]);
  });

  it("refuses to start or finish a gated phase without an approved approval, even with force", async () => {
    const key = await createTask([{ key: "plan" }, { key: "apply", requiresApproval: true }]);
    const refused = await patch(key, "apply", { status: "active" });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(String(refused.body.type)).toMatch(/approval-required$/);
    expect((await patch(key, "apply", { status: "active", force: true, reason: "I am sure" })).status).toBe(409);

    const skipToDone = await patch(key, "apply", { status: "done", force: true, reason: "applied by hand" });
    expect(skipToDone.status).toBe(409);
    expect(String(skipToDone.body.type)).toMatch(/approval-required$/);

    await insertApproval(key, "apply", "pending", new Date(Date.now() - 60_000));
    expect((await patch(key, "apply", { status: "active" })).status).toBe(409);
    await insertApproval(key, "apply", "approved", new Date());
    const started = await patch(key, "apply", { status: "active" });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("active");
    expect((await patch(key, "apply", { status: "done" })).status).toBe(200);
  });

  it("does not start a gated phase implicitly when a checkpoint names it, and refuses an explicit phaseStatus", async () => {
    const key = await createTask([{ key: "apply", requiresApproval: true }]);
    const note = await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "plan written", phase: "apply" } });
    expect(note.status).toBe(201);
    const task = await api<{ phases: Phase[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.phases[0].status).toBe("pending");
    const explicit = await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "apply", phase: "apply", phaseStatus: "active" } });
    expect(explicit.status).toBe(409);
    expect(String(explicit.body.type)).toMatch(/approval-required$/);
  });

  it("refuses done while a verification step has no passed result or its latest result failed, listing the steps", async () => {
    const key = await createTask([{ key: "validate", verification: [{ name: "terraform validate" }, { name: "tflint" }, { name: "checkov" }] }]);
    await api(`/api/v1/tasks/${key}/checkpoints`, {
      json: {
        summary: "validated",
        phase: "validate",
        verification: [
          { name: "terraform validate", status: "passed" },
          { name: "tflint", status: "passed" },
        ],
      },
    });
    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "lint again", phase: "validate", verification: [{ name: "tflint", status: "failed" }] } });
    const refused = await patch(key, "validate", { status: "done" });
    expect(refused.status).toBe(409);
    expect(String(refused.body.type)).toMatch(/verification-incomplete$/);
    expect(refused.body).toMatchObject({ missing: ["checkov"], failed: ["tflint"] });

    const viaCheckpoint = await api(`/api/v1/tasks/${key}/checkpoints`, {
      json: { summary: "all green", phase: "validate", phaseStatus: "done", verification: [{ name: "tflint", status: "passed" }, { name: "checkov", status: "passed" }] },
    });
    expect(viaCheckpoint.status).toBe(201);
    const task = await api<{ phases: Phase[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.phases[0].status).toBe("done");
  });

  it("rolls back a checkpoint whose phaseStatus fails the gate", async () => {
    const key = await createTask([{ key: "verify", verification: [{ name: "smoke" }] }]);
    const refused = await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "done?", phase: "verify", phaseStatus: "done" } });
    expect(refused.status).toBe(409);
    const list = await api<{ items: unknown[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(list.body.items).toHaveLength(0);
  });

  it("lets force with a reason override verification and records it in the audit log", async () => {
    const key = await createTask([{ key: "e2e", verification: [{ name: "npm run test:e2e" }] }]);
    const forced = await patch(key, "e2e", { status: "done", force: true, reason: "e2e runner down; verified by hand" });
    expect(forced.status).toBe(200);
    expect(forced.body.status).toBe("done");
    const audit = (await events(key)).find((e) => e.type === "phase.updated");
    expect(audit?.payload).toMatchObject({
      to: "done",
      verificationOverride: { forced: true, reason: "e2e runner down; verified by hand", missing: ["npm run test:e2e"], failed: [] },
    });
  });

  it("requires a reason with force (422)", async () => {
    const key = await createTask([{ key: "e2e" }]);
    const response = await patch(key, "e2e", { status: "done", force: true });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: "reason" })]);
  });

  it("answers 404 for an unknown task or phase", async () => {
    expect((await patch(uniqueKey("nope"), "x", { status: "active" })).status).toBe(404);
    const key = await createTask([{ key: "a" }]);
    const response = await patch(key, "missing", { status: "active" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers 400 for malformed JSON, 401 without a token, 413 over 1 MiB, 422 for an unknown status", async () => {
    const key = await createTask([{ key: "a" }]);
    const malformed = await api(`/api/v1/tasks/${key}/phases/a`, { method: "PATCH", text: "{status:", contentType: "application/json" });
    expect(malformed.status).toBe(400);
    expect((await patch(key, "a", { status: "active" }, null)).status).toBe(401);
    expect((await patch(key, "a", { status: "active", reason: "x".repeat(1024 * 1024 + 10) })).status).toBe(413);
    const unknown = await patch(key, "a", { status: "finished" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "status" })]);
    const task = await api<{ phases: Phase[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.phases[0].status).toBe("pending");
  });
});
