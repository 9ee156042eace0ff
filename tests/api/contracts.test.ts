// Every answer the real server gives matches, field for field, the response schema its route's contract
// declares: what the OpenAPI document and typed clients promise is what agents get.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Contract } from "@/lib/contracts/define";
import * as approvals from "@/lib/contracts/approvals";
import * as batch from "@/lib/contracts/batch";
import * as blockers from "@/lib/contracts/blockers";
import * as brief from "@/lib/contracts/brief";
import * as checkpoints from "@/lib/contracts/checkpoints";
import * as events from "@/lib/contracts/events";
import * as handoffs from "@/lib/contracts/handoffs";
import * as phases from "@/lib/contracts/phases";
import * as playbooks from "@/lib/contracts/playbooks";
import * as system from "@/lib/contracts/system";
import * as tasks from "@/lib/contracts/tasks";
import * as tokens from "@/lib/contracts/tokens";
import * as webhooks from "@/lib/contracts/webhooks";
import { adminToken, api, baseUrl, uniqueKey } from "./context";
import type { RequestOptions } from "../support/http";

/** Calls the route and checks the answer against the contract; returns the body for the next step. */
async function call<T = Record<string, unknown>>(contract: Contract, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await api<T>(path, { method: contract.method, ...options });
  const declared = contract.responses[response.status];
  expect(declared, `${contract.operationId} answered ${response.status}: ${response.text.slice(0, 300)}`).toBeDefined();
  const schema = declared?.schema;
  if (schema) {
    const parsed = schema.safeParse(response.body);
    expect(parsed.error?.issues ?? [], `${contract.operationId}: the body does not match its schema`).toEqual([]);
    // zod drops keys a schema does not list: equality means no field goes undocumented either.
    expect(parsed.data, `${contract.operationId}: the body has fields its schema does not declare`).toEqual(response.body);
  }
  return response.body;
}

async function session(): Promise<string> {
  const response = await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" });
  return response.headers.get("set-cookie")!.split(";")[0];
}

const asPerson = { token: adminToken };

describe("the answers of every route", () => {
  it("match the response schemas their contracts declare", async () => {
    const key = uniqueKey("contract");
    const task = `/api/v1/tasks/${key}`;
    await call(tasks.putTask, task, {
      json: {
        title: "Backfill",
        phases: [{ key: "copy", verification: [{ name: "row count" }] }, { key: "apply", requiresApproval: true }],
      },
    });
    await call(checkpoints.recordCheckpoint, `${task}/checkpoints`, {
      json: {
        summary: "Copied 730000 rows",
        phase: "copy",
        progress: { current: 730000, total: 1000000, unit: "rows" },
        next: ["Copy the rest"],
        verification: [{ name: "row count", status: "passed" }],
        metrics: { rowsPerSecond: 5000 },
        resumeFrom: "record 730000",
        agent: "backfill-bot",
      },
    });
    await call(checkpoints.recordCheckpoint, `${task}/checkpoints?phase=copy`, { text: "=== CHECKPOINT: more rows ===\n- copied 800000\nNEXT ACTIONS:\n- keep going" });
    await call(phases.updatePhase, `${task}/phases/copy`, { json: { status: "done" } });
    await call(phases.recordHeartbeat, `${task}/heartbeat`);
    const blocker = await call<{ id: number }>(blockers.openBlocker, `${task}/blockers`, { json: { title: "Replica lag", kind: "resource" } });
    await call(blockers.resolveBlocker, `${task}/blockers/${blocker.id}`, { json: { status: "resolved", resolution: "Lag is gone" } });
    const question = await call<{ id: number }>(blockers.openBlocker, `${task}/blockers`, {
      json: { title: "Which window?", kind: "decision", question: "Run it tonight?", options: ["tonight", "weekend"], recommended: "tonight" },
    });
    await call(blockers.getBlocker, `${task}/blockers/${question.id}`);
    await call(handoffs.createHandoff, `${task}/handoffs`, { json: { from: "planner", to: "executor", complete: ["plan"], nextSteps: ["apply"] } });
    const artifact = "Plan: 1 to add, 0 to change, 0 to destroy.";
    const approval = await call<{ id: string }>(approvals.requestApproval, `${task}/phases/apply/approvals`, {
      json: { title: "Apply the plan", artifact: { name: "plan.out", content: artifact } },
    });
    const cookie = await session();
    const sha = createHash("sha256").update(artifact, "utf8").digest("hex");
    await call(approvals.decideApproval, `/api/v1/approvals/${approval.id}/decision`, {
      token: null,
      headers: { cookie, origin: baseUrl },
      json: { decision: "approve", artifactSha256: sha, comment: "Go" },
    });
    await call(blockers.answerQuestion, `${task}/blockers/${question.id}/answer`, { token: null, headers: { cookie, origin: baseUrl }, json: { answer: "tonight" } });

    await call(tasks.listTasks, `/api/v1/tasks?q=${key}`);
    await call(tasks.getTask, task);
    await call(tasks.getTaskTimeline, `${task}/timeline`);
    await call(checkpoints.listCheckpoints, `${task}/checkpoints`);
    await call(blockers.listBlockers, `${task}/blockers`);
    await call(blockers.listQuestions, `/api/v1/questions?task=${key}`);
    await call(handoffs.listHandoffs, `${task}/handoffs`);
    await call(brief.getBrief, `${task}/brief`, { headers: { accept: "application/json" } });
    const file = await call(brief.exportProgressFile, `${task}/progress.json`);
    await call(brief.importProgressFile, `${task}/progress.json`, { json: { ...file, blockers: ["Waiting for the window"] } });
    await call(events.listTaskEvents, `${task}/events?limit=1000`);
    await call(approvals.listApprovals, `/api/v1/approvals?task=${key}`);
    await call(approvals.getApproval, `/api/v1/approvals/${approval.id}`);
    await call(batch.runBatch, `/api/v1/batch`, {
      json: { operations: [{ op: "heartbeat", task: key }, { op: "checkpoint", task: key, body: { summary: "batched" } }, { op: "checkpoint", task: key, body: {} }] },
    });
  });

  it("match them for playbooks, people's tokens and webhooks, and the system endpoints", async () => {
    await call(playbooks.listPlaybooks, `/api/v1/playbooks`);
    await call(playbooks.getPlaybook, `/api/v1/playbooks/terraform-deploy`);
    const playbook = uniqueKey("playbook");
    await call(playbooks.putPlaybook, `/api/v1/playbooks/${playbook}`, { json: { name: "Mine", phases: [{ key: "one", verification: [{ name: "tests" }] }] } });
    const token = await call<{ id: string }>(tokens.createToken, `/api/v1/tokens`, { ...asPerson, json: { name: uniqueKey("bot") } });
    await call(tokens.listTokens, `/api/v1/tokens`, asPerson);
    await call(tokens.revokeToken, `/api/v1/tokens/${token.id}`, asPerson);
    const webhook = await call<{ id: string }>(webhooks.createWebhook, `/api/v1/webhooks`, {
      ...asPerson,
      json: { url: "http://127.0.0.1:9/hook", events: ["blocker.opened"], secret: "whsec_contract_0123456789" },
    });
    await call(webhooks.listWebhooks, `/api/v1/webhooks`, asPerson);
    await call(webhooks.updateWebhook, `/api/v1/webhooks/${webhook.id}`, { ...asPerson, json: { format: "slack" } });
    await call(webhooks.testWebhook, `/api/v1/webhooks/${webhook.id}/test`, asPerson);
    await call(webhooks.listWebhookDeliveries, `/api/v1/webhooks/${webhook.id}/deliveries`, asPerson);
    await call(webhooks.deleteWebhook, `/api/v1/webhooks/${webhook.id}`, asPerson);
    await call(system.getHealth, `/api/health`, { token: null });
    await call(system.getOpenApiDocument, `/api/openapi.json`, { token: null });
  });
});

describe("POST /logout", () => {
  it("is refused (403) without the server's own Origin, and the session survives", async () => {
    const cookie = await session();
    const attempts: Record<string, string>[] = [{ cookie }, { cookie, origin: "http://evil.example" }];
    for (const headers of attempts) {
      const response = await fetch(`${baseUrl}/logout`, { method: "POST", headers, redirect: "manual" });
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect((await api(`/api/v1/tasks`, { token: null, headers: { cookie } })).status).toBe(200);
  });
});
