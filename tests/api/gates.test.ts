// SPEC "Gates belong to people": an agent cannot walk around a gate a person owns, on any path into the data.
import { beforeAll, describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, uniqueKey } from "./context";
import { personClient } from "../support/person";
import { events } from "../support/test-db";

type Phase = { key: string; name: string; status: string; requiresApproval: boolean; agent: string | null; gate: string };
type Task = { title: string; notes: string | null; phases: Phase[]; openBlockers: { title: string }[] };
type Problem = { type: string; status: number; detail: string; errors?: { path: string; message: string }[]; phases?: string[] };
type Playbook = { key: string; phases: { key: string; requiresApproval?: boolean }[] };
type BatchResponse = { results: { status: number; body?: Record<string, unknown> | null; problem?: Problem }[] };
type Approval = { id: string; status: string; artifactSha256: string; consumedAt: string | null };

let person: Awaited<ReturnType<typeof personClient>>;
beforeAll(async () => {
  person = await personClient(baseUrl, adminToken);
});

async function gatedTask(extraPhases: object[] = []): Promise<string> {
  const key = uniqueKey("gates");
  const put = await api(`/api/v1/tasks/${key}`, {
    method: "PUT",
    json: { title: "Deploy", notes: "original notes", phases: [{ key: "plan" }, { key: "apply", requiresApproval: true }, ...extraPhases] },
  });
  expect(put.status).toBe(201);
  return key;
}

const getTask = async (key: string) => (await api<Task>(`/api/v1/tasks/${key}`)).body;
const phaseOf = async (key: string, phase: string) => (await getTask(key)).phases.find((p) => p.key === phase);
const patchPhase = (key: string, phase: string, json: object) => api<Phase & Problem>(`/api/v1/tasks/${key}/phases/${phase}`, { method: "PATCH", json });

/** An agent asks, a person approves in the dashboard; the phase is released to `pending`. */
async function approve(key: string, phase = "apply"): Promise<string> {
  const requested = await api<Approval>(`/api/v1/tasks/${key}/phases/${phase}/approvals`, {
    json: { title: "Apply the plan", artifact: { name: "plan.txt", content: `Plan: 1 to add, 0 to change, 0 to destroy. (${Math.random()})` } },
  });
  expect(requested.status).toBe(201);
  const decided = await person<Approval>(`/api/v1/approvals/${requested.body.id}/decision`, {
    json: { decision: "approve", artifactSha256: requested.body.artifactSha256 },
  });
  expect(decided.status).toBe(200);
  return requested.body.id;
}

function auditRows(key: string) {
  return events(key);
}

describe("gates belong to people: only a person lowers a gate", () => {
  it("refuses an agent's PUT that would lower a gate with 403 gate-locked and applies nothing in that request", async () => {
    const key = await gatedTask();
    const put = await api<Problem>(`/api/v1/tasks/${key}`, {
      method: "PUT",
      json: { title: "Renamed", notes: "sneaky", phases: [{ key: "apply", requiresApproval: false }, { key: "extra" }] },
    });
    expect(put.status).toBe(403);
    expect(put.headers.get("content-type")).toContain("application/problem+json");
    expect(put.body.type).toMatch(/gate-locked$/);
    expect(put.body.phases).toEqual(["apply"]);
    const task = await getTask(key);
    expect(task).toMatchObject({ title: "Deploy", notes: "original notes" });
    expect(task.phases.map((p) => [p.key, p.requiresApproval])).toEqual([
      ["plan", false],
      ["apply", true],
    ]);
    const start = await patchPhase(key, "apply", { status: "active" });
    expect(start.status).toBe(409);
    expect(start.body.type).toMatch(/approval-required$/);
  });

  it("refuses the admin bearer token too: lowering a gate is a person's act in the dashboard", async () => {
    const key = await gatedTask();
    const put = await api<Problem>(`/api/v1/tasks/${key}`, { method: "PUT", token: adminToken, json: { title: "Deploy", phases: [{ key: "apply", requiresApproval: false }] } });
    expect(put.status).toBe(403);
    expect(put.body.type).toMatch(/gate-locked$/);
    expect((await phaseOf(key, "apply"))?.requiresApproval).toBe(true);
  });

  it("keeps the gate when an update leaves requiresApproval out, and lets an agent add a gate", async () => {
    const key = await gatedTask();
    const put = await api<Task>(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Deploy", phases: [{ key: "apply", name: "Apply it" }, { key: "plan", requiresApproval: true }] } });
    expect(put.status).toBe(200);
    expect(put.body.phases.map((p) => [p.key, p.name, p.requiresApproval])).toEqual([
      ["plan", "plan", true],
      ["apply", "Apply it", true],
    ]);
  });

  it("lets a person lower a gate with the session cookie and the dashboard's Origin, and refuses a foreign Origin", async () => {
    const key = await gatedTask();
    const body = { title: "Deploy", phases: [{ key: "apply", requiresApproval: false }] };
    const foreign = await person<Problem>(`/api/v1/tasks/${key}`, { method: "PUT", json: body, headers: { origin: "http://evil.example" } });
    expect(foreign.status).toBe(403);
    expect((await phaseOf(key, "apply"))?.requiresApproval).toBe(true);
    const lowered = await person<Task>(`/api/v1/tasks/${key}`, { method: "PUT", json: body });
    expect(lowered.status).toBe(200);
    expect(lowered.body.phases.find((p) => p.key === "apply")?.requiresApproval).toBe(false);
    const event = (await auditRows(key)).findLast((row) => row.type === "task.updated");
    expect(event).toMatchObject({ actor: "person:owner", payload: { gatesLowered: ["apply"] } });
  });

  it("refuses an agent instantiating a playbook whose template would ungate an existing phase", async () => {
    const playbook = uniqueKey("ungated");
    const created = await person(`/api/v1/playbooks/${playbook}`, { method: "PUT", json: { name: "Ungated", phases: [{ key: "apply", requiresApproval: false }, { key: "verify" }] } });
    expect(created.status).toBe(201);
    const key = await gatedTask();
    const put = await api<Problem>(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Deploy", playbook } });
    expect(put.status).toBe(403);
    expect(put.body.type).toMatch(/gate-locked$/);
    const task = await getTask(key);
    expect(task.phases.map((p) => [p.key, p.requiresApproval])).toEqual([
      ["plan", false],
      ["apply", true],
    ]);
  });

  it("keeps built-in playbooks read-only to agents (403)", async () => {
    const put = await api<Problem>(`/api/v1/playbooks/terraform-deploy`, { method: "PUT", json: { name: "Mine", phases: [{ key: "apply", requiresApproval: false }] } });
    expect(put.status).toBe(403);
    expect(put.body.type).toMatch(/forbidden$/);
    const builtin = await api<Playbook>(`/api/v1/playbooks/terraform-deploy`);
    expect(builtin.body.phases.find((p) => p.key === "apply")?.requiresApproval).toBe(true);
  });

  it("lets an agent create its own playbook, keep or add gates, but never lower one (403 gate-locked); a person may", async () => {
    const key = uniqueKey("own-playbook");
    const path = `/api/v1/playbooks/${key}`;
    expect((await api(path, { method: "PUT", json: { name: "Mine", phases: [{ key: "plan" }, { key: "apply", requiresApproval: true }] } })).status).toBe(201);

    const lowered = await api<Problem>(path, { method: "PUT", json: { name: "Mine", phases: [{ key: "plan" }, { key: "apply", requiresApproval: false }] } });
    expect(lowered.status).toBe(403);
    expect(lowered.body.type).toMatch(/gate-locked$/);
    const dropped = await api<Problem>(path, { method: "PUT", json: { name: "Mine", phases: [{ key: "plan" }] } });
    expect(dropped.status).toBe(403);
    expect(dropped.body.type).toMatch(/gate-locked$/);
    expect((await api<Playbook>(path)).body.phases).toEqual([{ key: "plan" }, { key: "apply", requiresApproval: true }]);

    const omitted = await api<Playbook>(path, { method: "PUT", json: { name: "Mine v2", phases: [{ key: "plan", requiresApproval: true }, { key: "apply", name: "Apply" }] } });
    expect(omitted.status).toBe(200);
    expect(omitted.body.phases).toEqual([
      { key: "plan", requiresApproval: true },
      { key: "apply", name: "Apply", requiresApproval: true },
    ]);

    const byPerson = await person<Playbook>(path, { method: "PUT", json: { name: "Mine v3", phases: [{ key: "plan", requiresApproval: false }, { key: "apply", requiresApproval: false }] } });
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.phases.map((p) => p.requiresApproval)).toEqual([false, false]);
  });
});

describe("gates belong to people: the audit log names who authenticated", () => {
  it("records the token as the actor of a phase move and the claimed name only as payload.agent", async () => {
    const key = await gatedTask();
    const moved = await patchPhase(key, "plan", { status: "active", agent: "claude-infra" });
    expect(moved.status).toBe(200);
    const event = (await auditRows(key)).findLast((row) => row.type === "phase.updated");
    expect(event?.actor).toMatch(/^token:/);
    expect(event?.payload.agent).toBe("claude-infra");
  });

  it("records the token as the actor of checkpoints and handoffs, whatever agent they name", async () => {
    const key = await gatedTask();
    expect((await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "planned", agent: "claude-infra" } })).status).toBe(201);
    expect((await api(`/api/v1/tasks/${key}/handoffs`, { json: { from: "claude-infra", to: "claude-app", nextSteps: ["deploy"] } })).status).toBe(201);
    const rows = (await auditRows(key)).filter((row) => row.type === "checkpoint.created" || row.type === "handoff.created");
    expect(rows.map((row) => [row.type, row.payload.agent])).toEqual([
      ["checkpoint.created", "claude-infra"],
      ["handoff.created", "claude-infra"],
    ]);
    for (const row of rows) expect(row.actor).toMatch(/^token:/);
  });

  it("refuses an agent name starting with person: (422) on every input that takes one, and changes nothing", async () => {
    const key = await gatedTask();
    const before = (await auditRows(key)).length;
    const refused = [
      await patchPhase(key, "plan", { status: "done", agent: "person:owner" }),
      await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "x", agent: "person:owner" } }),
      await api(`/api/v1/tasks/${key}/checkpoints?agent=person:owner`, { text: "=== CHECKPOINT: note ===\n- did a thing" }),
      await api(`/api/v1/tasks/${key}/heartbeat`, { json: { agent: "Person:admin" } }),
      await api(`/api/v1/tasks/${key}/handoffs`, { json: { from: "person:owner", to: "claude-app" } }),
      await api(`/api/v1/tasks/${key}/handoffs`, { json: { from: "claude-infra", toAgent: "person:owner" } }),
      await api(`/api/v1/tasks/${key}/handoffs?from=person:owner&to=claude-app`, { text: "### Next Steps\n- deploy", contentType: "text/markdown" }),
      await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Deploy", phases: [{ key: "plan", agent: "person:owner" }] } }),
    ];
    expect(refused.map((response) => response.status)).toEqual(refused.map(() => 422));
    for (const response of refused) expect((response.body as Problem).errors?.[0]?.message).toMatch(/person:/);
    const batch = await api<BatchResponse>(`/api/v1/batch`, {
      json: {
        operations: [
          { op: "phase", task: key, phase: "plan", body: { status: "active", agent: "person:owner" } },
          { op: "checkpoint", task: key, body: { summary: "x", agent: "person:owner" } },
          { op: "heartbeat", task: key, body: { agent: "person:owner" } },
        ],
      },
    });
    expect(batch.body.results.map((r) => r.status)).toEqual([422, 422, 422]);
    expect(await auditRows(key)).toHaveLength(before);
    expect((await phaseOf(key, "plan"))?.status).toBe("pending");
  });
});

describe("gates belong to people: an approval opens its phase once", () => {
  it("consumes the approval when the phase leaves active: active → done → pending → active is 409 approval-required", async () => {
    const key = await gatedTask();
    const approval = await approve(key);
    expect((await patchPhase(key, "apply", { status: "active" })).status).toBe(200);
    expect((await patchPhase(key, "apply", { status: "done" })).status).toBe(200);
    expect((await patchPhase(key, "apply", { status: "pending" })).status).toBe(200);
    const again = await patchPhase(key, "apply", { status: "active" });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/approval-required$/);
    expect(again.body.detail).toMatch(/opens its phase once/);
    expect((await api<Approval>(`/api/v1/approvals/${approval}`)).body.consumedAt).toEqual(expect.any(String));
  });

  it.each(["failed", "rolled_back", "skipped", "pending"])("uses the approval up when an active phase moves to %s", async (status) => {
    const key = await gatedTask();
    await approve(key);
    expect((await patchPhase(key, "apply", { status: "active" })).status).toBe(200);
    expect((await patchPhase(key, "apply", { status })).status).toBe(200);
    if (status !== "pending") expect((await patchPhase(key, "apply", { status: "pending" })).status).toBe(200);
    expect((await patchPhase(key, "apply", { status: "active" })).status).toBe(409);
  });

  it("uses the approval up when the phase is finished straight from pending", async () => {
    const key = await gatedTask();
    await approve(key);
    expect((await patchPhase(key, "apply", { status: "done" })).status).toBe(200);
    expect((await patchPhase(key, "apply", { status: "pending" })).status).toBe(200);
    expect((await patchPhase(key, "apply", { status: "active" })).status).toBe(409);
  });

  it("opens the phase again, once, with a new approval", async () => {
    const key = await gatedTask();
    await approve(key);
    await patchPhase(key, "apply", { status: "active" });
    await patchPhase(key, "apply", { status: "failed" });
    await approve(key);
    expect((await patchPhase(key, "apply", { status: "active" })).status).toBe(200);
    expect((await patchPhase(key, "apply", { status: "done" })).status).toBe(200);
  });

  it("holds through checkpoints: a used approval neither starts the phase implicitly nor through phaseStatus", async () => {
    const key = await gatedTask();
    await approve(key);
    await patchPhase(key, "apply", { status: "active" });
    await patchPhase(key, "apply", { status: "pending" });
    const implicit = await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "retrying apply", phase: "apply" } });
    expect(implicit.status).toBe(201);
    expect((await phaseOf(key, "apply"))?.status).toBe("pending");
    const explicit = await api<Problem>(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "apply again", phase: "apply", phaseStatus: "active" } });
    expect(explicit.status).toBe(409);
    expect(explicit.body.type).toMatch(/approval-required$/);
  });

  it("holds through progress.json: re-entering a phase whose approval was used is 409 and nothing in the file is applied", async () => {
    const key = await gatedTask();
    await approve(key);
    const file = { task: "Deploy", completed_phases: [], pending_phases: ["plan"], blockers: [], notes: "original notes" };
    expect((await api(`/api/v1/tasks/${key}/progress.json`, { method: "PUT", json: { ...file, current_phase: "apply" } })).status).toBe(200);
    expect((await api(`/api/v1/tasks/${key}/progress.json`, { method: "PUT", json: { ...file, completed_phases: ["apply"] } })).status).toBe(200);
    expect((await phaseOf(key, "apply"))?.status).toBe("done");
    const reentry = await api<Problem>(`/api/v1/tasks/${key}/progress.json`, {
      method: "PUT",
      json: { ...file, current_phase: "apply", blockers: ["should not open"], notes: "should not apply" },
    });
    expect(reentry.status).toBe(409);
    expect(reentry.body.type).toMatch(/approval-required$/);
    const task = await getTask(key);
    expect(task.notes).toBe("original notes");
    expect(task.openBlockers).toEqual([]);
    expect(task.phases.find((p) => p.key === "apply")?.status).toBe("done");
  });

  it("holds through POST /batch: each operation meets the same gate", async () => {
    const key = await gatedTask();
    await approve(key);
    const response = await api<BatchResponse>(`/api/v1/batch`, {
      json: {
        operations: [
          { op: "phase", task: key, phase: "apply", body: { status: "active" } },
          { op: "phase", task: key, phase: "apply", body: { status: "done" } },
          { op: "phase", task: key, phase: "apply", body: { status: "pending" } },
          { op: "phase", task: key, phase: "apply", body: { status: "active" } },
          { op: "checkpoint", task: key, phase: "apply", body: { summary: "again", phaseStatus: "active" } },
        ],
      },
    });
    expect(response.body.results.map((r) => r.status)).toEqual([200, 200, 200, 409, 409]);
    expect(response.body.results[3].problem?.type).toMatch(/approval-required$/);
    expect((await phaseOf(key, "apply"))?.status).toBe("pending");
  });
});

describe("gates belong to people: each phase view carries the gate state the server computed", () => {
  it("reads none, required, pending, approved, consumed and rejected as the gate moves", async () => {
    const key = await gatedTask([{ key: "verify", requiresApproval: true }]);
    const gates = async () => Object.fromEntries((await getTask(key)).phases.map((p) => [p.key, p.gate]));
    expect(await gates()).toEqual({ plan: "none", apply: "required", verify: "required" });

    const requested = await api<Approval>(`/api/v1/tasks/${key}/phases/apply/approvals`, { json: { title: "Apply", artifact: { name: "plan.txt", content: "Plan: 1 to add." } } });
    expect((await gates()).apply).toBe("pending");
    await person(`/api/v1/approvals/${requested.body.id}/decision`, { json: { decision: "approve", artifactSha256: requested.body.artifactSha256 } });
    expect((await gates()).apply).toBe("approved");

    const started = await patchPhase(key, "apply", { status: "active" });
    expect(started.body.gate).toBe("approved");
    const finished = await patchPhase(key, "apply", { status: "done" });
    expect(finished.body.gate).toBe("consumed");
    const event = (await auditRows(key)).findLast((row) => row.type === "phase.updated");
    expect(event?.payload.phase).toMatchObject({ key: "apply", gate: "consumed" });

    const verify = await api<Approval>(`/api/v1/tasks/${key}/phases/verify/approvals`, { json: { title: "Verify", artifact: { name: "v.txt", content: "checks" } } });
    await person(`/api/v1/approvals/${verify.body.id}/decision`, { json: { decision: "reject", comment: "not yet", artifactSha256: verify.body.artifactSha256 } });
    expect(await gates()).toEqual({ plan: "none", apply: "consumed", verify: "rejected" });
  });

  it("never calls a skipped gated phase approved: skipping needs no approval, so the gate is still required", async () => {
    const key = await gatedTask();
    const skipped = await patchPhase(key, "apply", { status: "skipped" });
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({ status: "skipped", gate: "required" });
  });

  it("documents the gate field in the OpenAPI document", async () => {
    const document = await api<{ paths: Record<string, { patch: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }> }>(`/api/openapi.json`, { token: null });
    const schema = JSON.stringify(document.body.paths["/api/v1/tasks/{key}/phases/{phase}"].patch.responses["200"].content["application/json"].schema);
    for (const state of ["none", "required", "pending", "approved", "rejected", "consumed"]) expect(schema).toContain(`"${state}"`);
  });
});
