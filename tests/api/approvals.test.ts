import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { adminToken, agentToken, api, baseUrl, uniqueKey } from "./context";
import { events } from "../support/test-db";

type Approval = {
  id: string;
  status: string;
  artifactSha256: string;
  expiresAt: string;
  url: string;
  comment: string | null;
  decidedBy: string | null;
  phase: string;
  artifact?: { name: string; contentType: string; content: string };
};
type Problem = { type: string; status: number; detail: string };
type TaskEvent = { type: string; actor: string | null; payload: Record<string, unknown> };

const PLAN = [
  "Terraform will perform the following actions:",
  "",
  "  # aws_instance.web will be created",
  '  + resource "aws_instance" "web" {',
  '      + ami           = "ami-0c55b159cbfafe1f0"',
  "    }",
  "",
  "Plan: 1 to add, 0 to change, 0 to destroy.",
].join("\n");

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

async function login(): Promise<string> {
  const response = await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" });
  return response.headers.get("set-cookie")!.split(";")[0];
}

async function gatedTask(): Promise<string> {
  const key = uniqueKey("approvals");
  const put = await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Deploy", phases: [{ key: "plan" }, { key: "apply", requiresApproval: true }] } });
  expect(put.status).toBe(201);
  return key;
}

function requestApproval(key: string, extra: Record<string, unknown> = {}, phase = "apply") {
  return api<Approval>(`/api/v1/tasks/${key}/phases/${phase}/approvals`, {
    json: { title: "Apply the plan", summary: "One new instance", artifact: { name: "plan.txt", content: PLAN }, ...extra },
  });
}

function decide(id: string, json: Record<string, unknown>, options: { cookie?: string; origin?: string | null; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  const origin = options.origin === undefined ? baseUrl : options.origin;
  if (origin) headers.origin = origin;
  return api<Approval & Problem>(`/api/v1/approvals/${id}/decision`, { json, headers, token: options.token ?? null });
}

async function taskEvents(key: string): Promise<TaskEvent[]> {
  return events(key);
}

describe("POST /api/v1/tasks/{key}/phases/{phase}/approvals", () => {
  it("records a pending approval with the artifact's sha256 and puts the phase in awaiting_approval", async () => {
    const key = await gatedTask();
    const created = await requestApproval(key);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "pending", artifactSha256: sha256(PLAN), phase: "apply" });
    expect(created.body.url).toBe(`${baseUrl}/approvals/${created.body.id}`);
    expect(new Date(created.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(86_000 * 1000);
    const task = await api<{ status: string; phases: { key: string; status: string }[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.status).toBe("awaiting_approval");
    expect(task.body.phases.find((p) => p.key === "apply")?.status).toBe("awaiting_approval");
    const requested = (await taskEvents(key)).filter((e) => e.type === "approval.requested");
    expect(requested).toHaveLength(1);
  });

  it("answers 404 for an unknown task and creates an unknown phase as a gated phase", async () => {
    expect((await requestApproval(uniqueKey("missing"))).status).toBe(404);
    const key = await gatedTask();
    expect((await requestApproval(key, {}, "smoke-test")).status).toBe(201);
    const task = await api<{ phases: { key: string; status: string; requiresApproval: boolean }[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.phases.find((p) => p.key === "smoke-test")).toMatchObject({ status: "awaiting_approval", requiresApproval: true });
  });

  it("supersedes an older pending request on the same phase and wakes its waiters", async () => {
    const key = await gatedTask();
    const first = await requestApproval(key);
    const waiting = api<Approval>(`/api/v1/approvals/${first.body.id}?wait=30`);
    const second = await requestApproval(key, { artifact: { name: "plan.txt", content: `${PLAN}\n# revised` } });
    expect((await waiting).body.status).toBe("cancelled");
    const pending = await api<{ items: Approval[] }>(`/api/v1/approvals?status=pending&task=${key}`);
    expect(pending.body.items.map((a) => a.id)).toEqual([second.body.id]);
  });

  it("accepts an artifact of almost 8 MiB and refuses a larger body with 413", async () => {
    const key = await gatedTask();
    const big = await requestApproval(key, { artifact: { name: "plan.txt", content: "x".repeat(8 * 1024 * 1024 - 1024) } });
    expect(big.status).toBe(201);
    const tooBig = await requestApproval(key, { artifact: { name: "plan.txt", content: "x".repeat(8 * 1024 * 1024 + 70 * 1024) } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses onExpiry approve, so an agent can never approve its own gate by waiting", async () => {
    const key = await gatedTask();
    const response = await requestApproval(key, { onExpiry: "approve" });
    expect(response.status).toBe(422);
  });
});

describe("GET /api/v1/approvals", () => {
  it("lists the inbox without artifact content and shows the detail with it", async () => {
    const key = await gatedTask();
    const created = await requestApproval(key);
    const inbox = await api<{ items: Approval[] }>(`/api/v1/approvals?status=pending`);
    const item = inbox.body.items.find((a) => a.id === created.body.id);
    expect(item).toMatchObject({ status: "pending", artifactSha256: sha256(PLAN) });
    expect(item?.artifact).toBeUndefined();
    const detail = await api<Approval>(`/api/v1/approvals/${created.body.id}`);
    expect(detail.body.artifact).toEqual({ name: "plan.txt", contentType: "text/plain", content: PLAN });
  });

  it("answers 404 for an unknown approval and 422 for a wait over 60 seconds", async () => {
    expect((await api(`/api/v1/approvals/apr_nope`)).status).toBe(404);
    const key = await gatedTask();
    const created = await requestApproval(key);
    expect((await api(`/api/v1/approvals/${created.body.id}?wait=61`)).status).toBe(422);
  });

  it("returns pending at the end of a short wait when nobody decided", async () => {
    const key = await gatedTask();
    const created = await requestApproval(key);
    const polled = await api<Approval>(`/api/v1/approvals/${created.body.id}?wait=1`);
    expect(polled.status).toBe(200);
    expect(polled.body.status).toBe("pending");
  });
});

describe("POST /api/v1/approvals/{id}/decision", () => {
  it("refuses an agent token with 403, even with a same-origin Origin header", async () => {
    const created = await requestApproval(await gatedTask());
    const response = await decide(created.body.id, { decision: "approve", artifactSha256: created.body.artifactSha256 }, { token: agentToken });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses the admin token with 403: only a browser session decides", async () => {
    const created = await requestApproval(await gatedTask());
    const response = await decide(created.body.id, { decision: "approve", artifactSha256: created.body.artifactSha256 }, { token: adminToken });
    expect(response.status).toBe(403);
  });

  it("refuses a request without any authentication with 401", async () => {
    const created = await requestApproval(await gatedTask());
    expect((await decide(created.body.id, { decision: "approve", artifactSha256: created.body.artifactSha256 })).status).toBe(401);
  });

  it("refuses a valid session cookie sent from a foreign origin with 403", async () => {
    const created = await requestApproval(await gatedTask());
    const cookie = await login();
    const response = await decide(created.body.id, { decision: "approve", artifactSha256: created.body.artifactSha256 }, { cookie, origin: "http://evil.example" });
    expect(response.status).toBe(403);
    expect((await api<Approval>(`/api/v1/approvals/${created.body.id}`)).body.status).toBe("pending");
  });

  it("refuses a valid session cookie without an Origin header with 403", async () => {
    const created = await requestApproval(await gatedTask());
    const cookie = await login();
    const response = await decide(created.body.id, { decision: "approve", artifactSha256: created.body.artifactSha256 }, { cookie, origin: null });
    expect(response.status).toBe(403);
  });

  it("refuses a decision on a different artifact hash with 409", async () => {
    const created = await requestApproval(await gatedTask());
    const cookie = await login();
    const response = await decide(created.body.id, { decision: "approve", artifactSha256: sha256("another plan") }, { cookie });
    expect(response.status).toBe(409);
    expect(response.body.detail).toMatch(/artifact changed/);
  });

  it("refuses a second decision with 409", async () => {
    const created = await requestApproval(await gatedTask());
    const cookie = await login();
    expect((await decide(created.body.id, { decision: "reject", comment: "no", artifactSha256: created.body.artifactSha256 }, { cookie })).status).toBe(200);
    const again = await decide(created.body.id, { decision: "approve", artifactSha256: created.body.artifactSha256 }, { cookie });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already rejected/);
  });

  it("wakes a long-poll with the approval, records the audit event, and lets the gated phase start", async () => {
    const key = await gatedTask();
    const created = await requestApproval(key);
    expect((await api(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } })).status).toBe(409);
    const cookie = await login();
    let resolvedAt = 0;
    const waiting = api<Approval>(`/api/v1/approvals/${created.body.id}?wait=30`).then((response) => {
      resolvedAt = performance.now();
      return response;
    });
    // A short pending poll first, so the long-poll above is already subscribed and the latency measured is a wake-up.
    await api<Approval>(`/api/v1/approvals/${created.body.id}?wait=0.3`);
    const decidedAt = performance.now();
    const decision = await decide(created.body.id, { decision: "approve", comment: "Looks right", artifactSha256: created.body.artifactSha256 }, { cookie });
    expect(decision.status).toBe(200);
    const polled = await waiting;
    console.log(`decision-to-agent latency (decision request sent → long-poll answered): ${(resolvedAt - decidedAt).toFixed(1)} ms`);
    expect(polled.body).toMatchObject({ status: "approved", comment: "Looks right", decidedBy: "person:owner" });

    const decided = (await taskEvents(key)).find((e) => e.type === "approval.decided");
    expect(decided?.actor).toBe("person:owner");
    expect(decided?.payload).toMatchObject({ decision: "approve", artifactSha256: sha256(PLAN), comment: "Looks right", decidedBy: "person:owner" });
    expect(typeof decided?.payload.sessionId).toBe("string");
    expect(typeof decided?.payload.decidedAt).toBe("string");

    const phase = await api<{ status: string }>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } });
    expect(phase.status).toBe(200);
    expect(phase.body.status).toBe("active");
  });

  it("shows a rejection's comment to the waiting agent and returns the phase to pending, still gated", async () => {
    const key = await gatedTask();
    const created = await requestApproval(key);
    const cookie = await login();
    const waiting = api<Approval>(`/api/v1/approvals/${created.body.id}?wait=30`);
    await decide(created.body.id, { decision: "reject", comment: "Do not replace the database; use a moved block.", artifactSha256: created.body.artifactSha256 }, { cookie });
    expect((await waiting).body).toMatchObject({ status: "rejected", comment: "Do not replace the database; use a moved block." });
    const task = await api<{ phases: { key: string; status: string }[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.phases.find((p) => p.key === "apply")?.status).toBe("pending");
    expect((await api(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } })).status).toBe(409);
  });
});

describe("approval expiry", () => {
  it("is applied by the server's scheduler without anyone reading the approval", async () => {
    const key = await gatedTask();
    const response = await fetch(`${baseUrl}/api/v1/events?task=${key}&after=0`, { headers: { authorization: `Bearer ${agentToken}` } });
    await requestApproval(key, { expiresInSeconds: 1 });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: approval.expired")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    expect(text).toContain("event: approval.expired");
  });

  it("expires a pending approval on read after expiresAt, emits approval.expired, and refuses a late decision with 409", async () => {
    const key = await gatedTask();
    const created = await requestApproval(key, { expiresInSeconds: 1 });
    const polled = await api<Approval>(`/api/v1/approvals/${created.body.id}?wait=10`);
    expect(polled.body.status).toBe("expired");
    expect(polled.body.decidedBy).toBe("baton:expiry");
    const expired = (await taskEvents(key)).filter((e) => e.type === "approval.expired");
    expect(expired).toHaveLength(1);
    expect(expired[0].payload).toMatchObject({ onExpiry: "reject" });
    const cookie = await login();
    const late = await decide(created.body.id, { decision: "approve", artifactSha256: created.body.artifactSha256 }, { cookie });
    expect(late.status).toBe(409);
    const task = await api<{ status: string; phases: { key: string; status: string }[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.phases.find((p) => p.key === "apply")?.status).toBe("pending");
  });
});
