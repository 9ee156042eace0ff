import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, uniqueKey } from "./context";
import { loggedInPerson, type PersonRequest } from "../support/person";

type Decision = { by: string; decision: string; comment: string | null; at: string };
type Approval = {
  id: string;
  status: string;
  artifactSha256: string;
  decidedBy: string | null;
  comment: string | null;
  requiredApprovals: number;
  approvalsReceived: number;
  preventSelfReview: boolean;
  requestedByPerson: string | null;
  decisions: Decision[];
};
type Problem = { type: string; status: number; detail: string; errors?: { path: string }[] };
type PhaseView = { key: string; status: string; requiresApproval: boolean; requiredApprovals: number; preventSelfReview: boolean; gate: string };

const PLAN = "Plan: 1 to add, 0 to change, 0 to destroy.";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

let alice: PersonRequest;
let bob: PersonRequest;
let carol: PersonRequest;

beforeAll(async () => {
  // alice is an admin (she makes agent tokens and may lower gates); bob and carol may only decide.
  const people = await Promise.all([
    loggedInPerson(baseUrl, adminToken, { role: "admin", name: "alice" }),
    loggedInPerson(baseUrl, adminToken, { role: "approver", name: "bob" }),
    loggedInPerson(baseUrl, adminToken, { role: "approver", name: "carol" }),
  ]);
  [alice, bob, carol] = people.map((person) => person.request);
});

async function reviewedTask(apply: Record<string, unknown> = { requiredApprovals: 2 }): Promise<string> {
  const key = uniqueKey("reviewers");
  const put = await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Deploy", phases: [{ key: "apply", requiresApproval: true, ...apply }] } });
  expect(put.status).toBe(201);
  return key;
}

async function requestApproval(key: string, content = PLAN, token?: string): Promise<Approval> {
  const response = await api<Approval>(`/api/v1/tasks/${key}/phases/apply/approvals`, {
    json: { title: "Apply", artifact: { name: "plan.txt", content } },
    ...(token && { token }),
  });
  expect(response.status).toBe(201);
  return response.body;
}

function decide(person: PersonRequest, approval: Pick<Approval, "id" | "artifactSha256">, decision: "approve" | "reject", comment?: string) {
  return person<Approval & Problem>(`/api/v1/approvals/${approval.id}/decision`, {
    json: { decision, artifactSha256: approval.artifactSha256, ...(comment && { comment }) },
  });
}

async function phase(key: string): Promise<PhaseView> {
  const task = await api<{ phases: PhaseView[] }>(`/api/v1/tasks/${key}`);
  return task.body.phases.find((p) => p.key === "apply")!;
}

async function eventsOf(key: string, type: string): Promise<{ actor: string; payload: Record<string, unknown> }[]> {
  const page = await api<{ items: { type: string; actor: string; payload: Record<string, unknown> }[] }>(`/api/v1/tasks/${key}/events?limit=1000`);
  return page.body.items.filter((event) => event.type === type);
}

describe("required reviewers on a phase", () => {
  it("stores requiredApprovals and preventSelfReview from PUT /tasks, defaulting to 1 and false", async () => {
    const key = await reviewedTask({ requiredApprovals: 3, preventSelfReview: true });
    expect(await phase(key)).toMatchObject({ requiresApproval: true, requiredApprovals: 3, preventSelfReview: true });
    const plain = uniqueKey("reviewers");
    await api(`/api/v1/tasks/${plain}`, { method: "PUT", json: { title: "Plain", phases: [{ key: "apply", requiresApproval: true }] } });
    expect(await phase(plain)).toMatchObject({ requiredApprovals: 1, preventSelfReview: false });
  });

  it("answers 422 problem+json for 0 or 7 reviewers and changes nothing", async () => {
    const key = await reviewedTask({ requiredApprovals: 2 });
    for (const requiredApprovals of [0, 7, 1.5]) {
      const put = await api<Problem>(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Renamed", phases: [{ key: "apply", requiredApprovals }] } });
      expect(put.status).toBe(422);
      expect(put.headers.get("content-type")).toContain("application/problem+json");
      expect(put.body.errors?.map((e) => e.path)).toContain("phases.0.requiredApprovals");
      const patch = await api<Problem>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { requiredApprovals } });
      expect(patch.status).toBe(422);
      expect(patch.headers.get("content-type")).toContain("application/problem+json");
    }
    const task = await api<{ title: string; phases: PhaseView[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.title).toBe("Deploy");
    expect(task.body.phases[0].requiredApprovals).toBe(2);
  });

  it("lets an agent raise the rules but not lower them (gate-locked, nothing applied); only an admin person may lower them", async () => {
    const key = await reviewedTask({ requiredApprovals: 2, preventSelfReview: true });
    const raised = await api<PhaseView>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { requiredApprovals: 3 } });
    expect(raised.status).toBe(200);
    expect(raised.body.requiredApprovals).toBe(3);
    for (const lowering of [{ requiredApprovals: 1 }, { preventSelfReview: false }]) {
      const patch = await api<Problem>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { ...lowering, status: "skipped" } });
      expect(patch.status).toBe(403);
      expect(patch.body.type).toMatch(/gate-locked$/);
      const put = await api<Problem>(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Renamed", phases: [{ key: "apply", ...lowering }] } });
      expect(put.status).toBe(403);
      expect(put.body.type).toMatch(/gate-locked$/);
    }
    expect(await phase(key)).toMatchObject({ status: "pending", requiredApprovals: 3, preventSelfReview: true });
    // An approver decides gates but does not edit them (403 role-required), so cannot lower one either.
    const byApprover = await bob<Problem>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { requiredApprovals: 1 } });
    expect(byApprover.status).toBe(403);
    expect(await phase(key)).toMatchObject({ requiredApprovals: 3 });
    const lowered = await alice<PhaseView>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { requiredApprovals: 1, preventSelfReview: false } });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ requiredApprovals: 1, preventSelfReview: false });
    expect((await eventsOf(key, "phase.updated")).at(-1)).toMatchObject({ actor: "person:alice", payload: { gatesLowered: ["apply"] } });
  });

  it("keeps a playbook template's rules when a replacement leaves them out, and refuses an agent lowering them", async () => {
    const key = uniqueKey("reviewed-playbook");
    const template = { key: "apply", requiresApproval: true, requiredApprovals: 2, preventSelfReview: true };
    expect((await api(`/api/v1/playbooks/${key}`, { method: "PUT", json: { name: "Two reviewers", phases: [template] } })).status).toBe(201);
    const kept = await api<{ phases: Record<string, unknown>[] }>(`/api/v1/playbooks/${key}`, { method: "PUT", json: { name: "Renamed", phases: [{ key: "apply" }] } });
    expect(kept.body.phases[0]).toMatchObject(template);
    const lowered = await api<Problem>(`/api/v1/playbooks/${key}`, { method: "PUT", json: { name: "Renamed", phases: [{ key: "apply", requiredApprovals: 1 }] } });
    expect(lowered.status).toBe(403);
    expect(lowered.body.type).toMatch(/gate-locked$/);
    const task = uniqueKey("from-playbook");
    await api(`/api/v1/tasks/${task}`, { method: "PUT", json: { title: "From playbook", playbook: key } });
    expect(await phase(task)).toMatchObject({ requiresApproval: true, requiredApprovals: 2, preventSelfReview: true });
  });

  it("instantiates terraform-deploy with one reviewer, and a task may ask for two in the same request", async () => {
    const key = uniqueKey("tf");
    const put = await api<{ phases: PhaseView[] }>(`/api/v1/tasks/${key}`, {
      method: "PUT",
      json: { title: "Prod", playbook: "terraform-deploy", phases: [{ key: "apply", requiredApprovals: 2 }] },
    });
    expect(put.body.phases.find((p) => p.key === "apply")).toMatchObject({ requiresApproval: true, requiredApprovals: 2 });
    const again = await api<{ phases: PhaseView[] }>(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Prod", playbook: "terraform-deploy" } });
    expect(again.status).toBe(200);
    expect(again.body.phases.find((p) => p.key === "apply")?.requiredApprovals).toBe(2);
    const single = uniqueKey("tf");
    await api(`/api/v1/tasks/${single}`, { method: "PUT", json: { title: "Dev", playbook: "terraform-deploy" } });
    expect(await phase(single)).toMatchObject({ requiresApproval: true, requiredApprovals: 1 });
  });
});

describe("deciding an approval that needs two people", () => {
  it("stays pending after the first approval and is approved by a second, distinct person", async () => {
    const key = await reviewedTask();
    const approval = await requestApproval(key);
    expect(approval).toMatchObject({ status: "pending", requiredApprovals: 2, approvalsReceived: 0, decisions: [] });

    const first = await decide(alice, approval, "approve", "Looks right");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: "pending", approvalsReceived: 1, requiredApprovals: 2, decidedBy: null });
    expect(first.body.decisions).toEqual([{ by: "person:alice", decision: "approve", comment: "Looks right", at: expect.any(String) }]);
    expect(await phase(key)).toMatchObject({ status: "awaiting_approval", gate: "pending" });
    expect((await api<Problem>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } })).status).toBe(409);

    const second = await decide(bob, approval, "approve");
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: "approved", approvalsReceived: 2, decidedBy: "person:bob" });
    expect(second.body.decisions.map((d) => `${d.by} ${d.decision}`)).toEqual(["person:alice approve", "person:bob approve"]);
    expect((await api(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } })).status).toBe(200);

    const reviewed = await eventsOf(key, "approval.reviewed");
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]).toMatchObject({ actor: "person:alice", payload: { by: "person:alice", approvalsReceived: 1, requiredApprovals: 2, comment: "Looks right" } });
    const decided = await eventsOf(key, "approval.decided");
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ actor: "person:bob", payload: { decision: "approve", approval: { approvalsReceived: 2 } } });
  });

  it("answers 409 when the same person decides twice, and records nothing more", async () => {
    const key = await reviewedTask();
    const approval = await requestApproval(key);
    expect((await decide(alice, approval, "approve")).status).toBe(200);
    for (const decision of ["approve", "reject"] as const) {
      const again = await decide(alice, approval, decision);
      expect(again.status).toBe(409);
      expect(again.headers.get("content-type")).toContain("application/problem+json");
      expect(again.body.detail).toContain("already decided");
    }
    const current = await api<Approval>(`/api/v1/approvals/${approval.id}`);
    expect(current.body).toMatchObject({ status: "pending", approvalsReceived: 1 });
    expect(current.body.decisions).toHaveLength(1);
  });

  it("is rejected by one rejection, even after an approval, with the rejecting person's comment", async () => {
    const key = await reviewedTask();
    const approval = await requestApproval(key);
    await decide(alice, approval, "approve");
    const rejected = await decide(bob, approval, "reject", "Not on a Friday");
    expect(rejected.body).toMatchObject({ status: "rejected", decidedBy: "person:bob", comment: "Not on a Friday", approvalsReceived: 1 });
    expect((await decide(carol, approval, "approve")).status).toBe(409);
    expect(await phase(key)).toMatchObject({ status: "pending", gate: "rejected" });
    const brief = await api<{ nextActions?: string[] }>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
    expect(JSON.stringify(brief.body)).toContain("Not on a Friday");
  });

  it("discards earlier decisions when a new plan is requested (Atlantis behaviour)", async () => {
    const key = await reviewedTask();
    const first = await requestApproval(key);
    await decide(alice, first, "approve");
    const revised = await requestApproval(key, `${PLAN}\n# revised`);
    expect(revised).toMatchObject({ status: "pending", approvalsReceived: 0, decisions: [], artifactSha256: sha256(`${PLAN}\n# revised`) });
    expect((await api<Approval>(`/api/v1/approvals/${first.id}`)).body.status).toBe("cancelled");
    // The earlier hash is refused; alice's approval of the old plan does not count for the new one.
    expect((await decide(bob, { id: revised.id, artifactSha256: first.artifactSha256 }, "approve")).status).toBe(409);
    expect((await decide(alice, revised, "approve")).body).toMatchObject({ status: "pending", approvalsReceived: 1 });
    expect((await decide(bob, revised, "approve")).body).toMatchObject({ status: "approved", approvalsReceived: 2 });
  });

  it("returns a long-poll only on the final outcome, not after the first of two approvals", async () => {
    const key = await reviewedTask();
    const approval = await requestApproval(key);
    let returned = false;
    const waiting = api<Approval>(`/api/v1/approvals/${approval.id}?wait=30`).then((response) => {
      returned = true;
      return response;
    });
    expect((await decide(alice, approval, "approve")).body.status).toBe("pending");
    // A read after the first decision has round-tripped through the server: the waiter is still waiting.
    expect((await api<Approval>(`/api/v1/approvals/${approval.id}`)).body.approvalsReceived).toBe(1);
    expect(returned).toBe(false);
    await decide(bob, approval, "approve");
    const settled = await waiting;
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({ status: "approved", approvalsReceived: 2 });
  });

  it("counts two people approving at the same moment, and one person's double click once", async () => {
    const key = await reviewedTask();
    const approval = await requestApproval(key);
    const both = await Promise.all([decide(alice, approval, "approve"), decide(bob, approval, "approve")]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => r.body.status).sort()).toEqual(["approved", "pending"]);
    expect((await api<Approval>(`/api/v1/approvals/${approval.id}`)).body).toMatchObject({ status: "approved", approvalsReceived: 2 });
    expect(await eventsOf(key, "approval.decided")).toHaveLength(1);

    const next = await requestApproval(await reviewedTask());
    const twice = await Promise.all([decide(carol, next, "approve"), decide(carol, next, "approve")]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await api<Approval>(`/api/v1/approvals/${next.id}`)).body).toMatchObject({ status: "pending", approvalsReceived: 1 });
  });

  it("lists the count and decisions in the inbox and on the task", async () => {
    const key = await reviewedTask();
    const approval = await requestApproval(key);
    await decide(alice, approval, "approve");
    const inbox = await api<{ items: Approval[] }>(`/api/v1/approvals?status=pending&task=${key}`);
    expect(inbox.body.items[0]).toMatchObject({ id: approval.id, approvalsReceived: 1, requiredApprovals: 2, decisions: [{ by: "person:alice" }] });
    const task = await api<{ pendingApprovals: Approval[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.pendingApprovals[0]).toMatchObject({ approvalsReceived: 1, requiredApprovals: 2 });
  });

  it("keeps the rules the approval was requested under when the phase changes afterwards", async () => {
    const key = await reviewedTask({ requiredApprovals: 1 });
    const approval = await requestApproval(key);
    await api(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { requiredApprovals: 2 } });
    expect((await decide(alice, approval, "approve")).body).toMatchObject({ status: "approved", requiredApprovals: 1 });
    const next = await requestApproval(key, `${PLAN}\n# next`);
    expect(next.requiredApprovals).toBe(2);
  });
});

describe("preventSelfReview", () => {
  it("refuses the person who created the requesting token (403 self-review) and lets another person decide", async () => {
    const created = await alice<{ token: string }>("/api/v1/tokens", { json: { name: `alice-agent-${uniqueKey("t")}`, scope: "agent" } });
    expect(created.status).toBe(201);
    const key = await reviewedTask({ requiredApprovals: 1, preventSelfReview: true });
    const approval = await requestApproval(key, PLAN, created.body.token);
    expect(approval).toMatchObject({ preventSelfReview: true, requestedByPerson: "person:alice" });

    const own = await decide(alice, approval, "approve");
    expect(own.status).toBe(403);
    expect(own.headers.get("content-type")).toContain("application/problem+json");
    expect(own.body.type).toMatch(/self-review$/);
    const unchanged = await api<Approval>(`/api/v1/approvals/${approval.id}`);
    expect(unchanged.body).toMatchObject({ status: "pending", approvalsReceived: 0, decisions: [] });

    expect((await decide(bob, approval, "approve")).body).toMatchObject({ status: "approved", decidedBy: "person:bob" });
  });

  it("does not stop the token's creator when the phase allows self-review", async () => {
    const created = await alice<{ token: string }>("/api/v1/tokens", { json: { name: `alice-agent-${uniqueKey("t")}`, scope: "agent" } });
    const key = await reviewedTask({ requiredApprovals: 1 });
    const approval = await requestApproval(key, PLAN, created.body.token);
    expect(approval.requestedByPerson).toBe("person:alice");
    expect((await decide(alice, approval, "approve")).body.status).toBe("approved");
  });
});
