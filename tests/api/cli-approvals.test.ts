import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import { batonFor } from "../support/cli";
import { loggedInPerson, personClient, uniquePersonName } from "../support/person";
import { adminToken, agentToken, api, baseUrl, uniqueKey } from "./context";

vi.setConfig({ testTimeout: 120_000 });

const baton = batonFor(baseUrl, agentToken);
const PLAN = "Terraform will perform the following actions:\n\n  + resource \"aws_instance\" \"web\" {}\n\nPlan: 1 to add, 0 to change, 0 to destroy.\n";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function planFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-plan-")), "plan.out");
  fs.writeFileSync(file, PLAN);
  return file;
}

async function gatedTask(): Promise<string> {
  const key = uniqueKey("cli-gate");
  expect((await baton(["task", "put", key, "--title", "Deploy", "--phase", "plan", "--phase", "apply:gate"])).code).toBe(0);
  return key;
}

async function request(key: string, extra: string[] = []): Promise<string> {
  const result = await baton(["approval", "request", key, "apply", "--title", "Apply the plan", "--artifact", planFile(), "--summary", "One instance", ...extra]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain(`${baseUrl}/approvals/`);
  return result.stdout.trim();
}

async function decide(id: string, decision: "approve" | "reject", comment?: string) {
  const person = await personClient(baseUrl, adminToken);
  const response = await person(`/api/v1/approvals/${id}/decision`, { json: { decision, comment, artifactSha256: sha256(PLAN) } });
  expect(response.status).toBe(200);
}

describe("baton approval request / wait", () => {
  it("prints only the approval id, and the artifact reaches the person byte for byte", async () => {
    const key = await gatedTask();
    const id = await request(key);
    expect(id).toMatch(/^\S+$/);
    const approval = await api<{ status: string; artifactSha256: string; artifact: { name: string; content: string } }>(`/api/v1/approvals/${id}`);
    expect(approval.body).toMatchObject({ status: "pending", artifactSha256: sha256(PLAN), artifact: { name: "plan.out", content: PLAN } });
  });

  it("exits 5 while still pending at the timeout, then 0 once a person approves", async () => {
    const key = await gatedTask();
    const id = await request(key);
    const pending = await baton(["approval", "wait", id, "--timeout", "1"]);
    expect(pending.code).toBe(5);
    expect(pending.stderr).toContain("still pending");
    const waiting = baton(["approval", "wait", id, "--timeout", "60"]);
    await sleep(1500);
    await decide(id, "approve", "ship it");
    const approved = await waiting;
    expect(approved.code).toBe(0);
    expect(approved.stdout).toBe("approved by person:owner: ship it\n");
    expect((await baton(["phase", key, "apply", "active"])).code).toBe(0);
  });

  it("keeps waiting after the first of two approvals and names both approvers once the second arrives", async () => {
    const key = uniqueKey("cli-two");
    expect((await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Prod", phases: [{ key: "apply", requiresApproval: true, requiredApprovals: 2 }] } })).status).toBe(201);
    const id = await request(key);
    const [alice, bob] = await Promise.all(["alice", "bob"].map((prefix) => loggedInPerson(baseUrl, adminToken, { role: "approver", name: uniquePersonName(prefix) })));
    const approve = (person: typeof alice) => person.request(`/api/v1/approvals/${id}/decision`, { json: { decision: "approve", artifactSha256: sha256(PLAN) } });
    expect((await approve(alice)).status).toBe(200);
    const pending = await baton(["approval", "wait", id, "--timeout", "1"]);
    expect(pending.code).toBe(5);
    expect(pending.stderr).toContain("still pending after 1s (1 of 2 approvals)");
    const waiting = baton(["approval", "wait", id, "--timeout", "60"]);
    expect((await approve(bob)).status).toBe(200);
    const approved = await waiting;
    expect(approved.code).toBe(0);
    expect(approved.stdout).toBe(`approved by person:${alice.name}, person:${bob.name} (2 of 2 approvals)\n`);
  });

  it("exits 3 with the person's comment on stdout when rejected", async () => {
    const key = await gatedTask();
    const id = await request(key);
    await decide(id, "reject", "Use t3.small, not m5.large");
    const rejected = await baton(["approval", "wait", id, "--timeout", "5"]);
    expect(rejected.code).toBe(3);
    expect(rejected.stdout).toBe("Use t3.small, not m5.large\n");
    const json = await baton(["approval", "wait", id, "--json"]);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ id, status: "rejected", comment: "Use t3.small, not m5.large" });
  });

  it("exits 4 when the approval expired or was cancelled by a newer request", async () => {
    const key = await gatedTask();
    const expiring = await request(key, ["--expires", "1"]);
    await sleep(1500);
    const expired = await baton(["approval", "wait", expiring, "--timeout", "5"]);
    expect(expired.code).toBe(4);
    expect(expired.stderr).toContain("expired");
    const superseded = await request(key);
    await request(key);
    const cancelled = await baton(["approval", "wait", superseded, "--timeout", "5"]);
    expect(cancelled.code).toBe(4);
    expect(cancelled.stderr).toContain("cancelled");
  });

  it("exits 2 on a missing artifact file and 1 for an unknown approval", async () => {
    const key = await gatedTask();
    expect((await baton(["approval", "request", key, "apply", "--title", "x", "--artifact", "/nonexistent/plan.out"])).code).toBe(2);
    expect((await baton(["approval", "request", key, "apply", "--title", "x"])).code).toBe(2);
    const unknown = await baton(["approval", "wait", "apr_unknown", "--timeout", "1"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("not found");
  });
});

describe("baton ask", () => {
  async function openQuestion(key: string) {
    const questions = await api<{ items: { id: number; question: string | null; options: string[]; recommended: string | null; status: string }[] }>(`/api/v1/tasks/${key}/blockers`);
    return questions.body.items.find((b) => b.status === "open" && b.question !== null)!;
  }

  it("asks a decision question, waits, and prints the person's answer (exit 0)", async () => {
    const key = uniqueKey("cli-ask");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Backfill" } });
    const asking = baton(["ask", key, "Backfill in one night or over the weekend?", "--option", "tonight", "--option", "weekend", "--recommended", "weekend", "--wait", "60"]);
    let question = await openQuestion(key);
    for (let tries = 0; !question && tries < 100; tries += 1) {
      await sleep(200);
      question = await openQuestion(key);
    }
    expect(question).toMatchObject({ question: "Backfill in one night or over the weekend?", options: ["tonight", "weekend"], recommended: "weekend" });
    expect((await api<{ status: string }>(`/api/v1/tasks/${key}`)).body.status).toBe("blocked");
    const person = await personClient(baseUrl, adminToken);
    const answered = await person(`/api/v1/tasks/${key}/blockers/${question.id}/answer`, { json: { answer: "weekend", comment: "Keep the replica lag low" } });
    expect(answered.status).toBe(200);
    const result = await asking;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("weekend\nKeep the replica lag low\n");
  });

  it("exits 5 when nobody answered within --wait, and 2 when --recommended is not an option", async () => {
    const key = uniqueKey("cli-ask-open");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Backfill" } });
    const open = await baton(["ask", key, "Which replica?", "--option", "a", "--option", "b", "--wait", "1"]);
    expect(open.code).toBe(5);
    expect(open.stderr).toContain("still open");
    expect((await openQuestion(key)).question).toBe("Which replica?");
    expect((await baton(["ask", key, "Which replica?", "--option", "a", "--recommended", "c"])).code).toBe(2);
  });
});
