// Chat notifications: Slack and Discord webhooks receive readable messages (exact JSON checked against a real
// receiver on loopback), a generic one the signed event; the test message; bad formats change nothing.
import http from "node:http";
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, uniqueKey } from "./context";
import { personClient } from "../support/person";
import { verifySignature } from "@/lib/server/webhooks/sign";
import { TERRAFORM_JSON_PLAN_FIXTURE } from "@/lib/plan/json-plan-fixture";

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; json: Record<string, unknown> };

const SECRET = "whsec_chat_0123456789abcdef";
const asPerson = { token: adminToken };
const PLAN = [
  "Terraform will perform the following actions:",
  "",
  "  # aws_subnet.private will be created",
  '  + resource "aws_subnet" "private" {',
  '      + cidr_block = "10.0.1.0/24"',
  "    }",
  "",
  "Plan: 2 to add, 1 to change, 0 to destroy.",
  "",
].join("\n");
const SUMMARY = "Plan: 2 to add, 1 to change, 0 to destroy.";

/** A real receiver on 127.0.0.1: records every request; `/down` answers 503, everything else 200. */
let receiver: http.Server;
let receiverUrl: string;
const received: Received[] = [];
const waiters: { match: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
const hooks: string[] = [];

function waitFor(match: (r: Received) => boolean): Promise<Received> {
  const found = received.find(match);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => waiters.push({ match, resolve }));
}

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const entry: Received = { path: request.url ?? "", headers: request.headers, body, json: JSON.parse(body) as Record<string, unknown> };
      received.push(entry);
      response.writeHead(entry.path.startsWith("/down") ? 503 : 200).end();
      for (const waiter of waiters.filter((w) => w.match(entry))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const id of hooks) await api(`/api/v1/webhooks/${id}`, { method: "DELETE", ...asPerson });
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function createHook(path: string, format: string | undefined, events: string[]): Promise<{ id: string; format: string }> {
  const response = await api<{ id: string; format: string }>(`/api/v1/webhooks`, {
    json: { url: `${receiverUrl}${path}`, events, secret: SECRET, ...(format ? { format } : {}) },
    ...asPerson,
  });
  expect(response.status).toBe(201);
  hooks.push(response.body.id);
  return response.body;
}

const EVENTS = ["approval.requested", "approval.decided", "blocker.opened", "phase.updated", "checkpoint.created"];
/** A received chat message mentioning this text (task URLs carry the task key). */
const at = (path: string, text: string) => (r: Received) => r.path === path && r.body.includes(text);

describe("chat webhooks", () => {
  const run = uniqueKey("chat");
  const slackPath = `/slack/${run}`;
  const discordPath = `/discord/${run}`;
  const genericPath = `/generic/${run}`;
  const key = `${run}-vpc`;
  const taskUrl = `${baseUrl}/tasks/${key}`;

  beforeAll(async () => {
    await createHook(slackPath, "slack", EVENTS);
    await createHook(discordPath, "discord", EVENTS);
    const generic = await createHook(genericPath, undefined, EVENTS);
    expect(generic.format).toBe("generic");
    await api(`/api/v1/tasks/${key}`, {
      method: "PUT",
      json: { title: "Deploy the VPC", phases: [{ key: "plan", name: "Plan" }, { key: "apply", name: "Apply", requiresApproval: true }] },
    });
  });

  it("asks for a review of an approval with the task, phase and plan summary line, signed like any delivery", { timeout: 60_000 }, async () => {
    const created = await api<{ id: string }>(`/api/v1/tasks/${key}/phases/apply/approvals`, {
      json: { title: "Apply the VPC plan", artifact: { name: "plan.txt", content: PLAN } },
    });
    const reviewUrl = `${baseUrl}/approvals/${created.body.id}`;
    const slack = await waitFor(at(slackPath, "Approval requested"));
    expect(slack.json).toEqual({
      text: `Approval requested for *Apply the VPC plan* on *Deploy the VPC*, phase *Apply*. <${reviewUrl}|Review>`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "Approval requested for *Apply the VPC plan* on *Deploy the VPC*, phase *Apply*." } },
        {
          type: "section",
          fields: [
            { type: "mrkdwn", text: `*Task*\n<${taskUrl}|Deploy the VPC>` },
            { type: "mrkdwn", text: "*Phase*\nApply" },
            { type: "mrkdwn", text: `*Plan*\n${SUMMARY}` },
          ],
        },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Review" }, url: reviewUrl, style: "primary" }] },
      ],
    });
    const discord = await waitFor(at(discordPath, "Approval requested"));
    expect(discord.json).toEqual({
      content: `Approval requested for **Apply the VPC plan** on **Deploy the VPC**, phase **Apply**.\nReview: <${reviewUrl}>`,
      embeds: [
        {
          title: "Approval requested",
          url: reviewUrl,
          color: 0xd97706,
          fields: [
            { name: "Task", value: `[Deploy the VPC](${taskUrl})`, inline: true },
            { name: "Phase", value: "Apply", inline: true },
            { name: "Plan", value: SUMMARY, inline: false },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
    const now = Math.floor(Date.now() / 1000);
    for (const chat of [slack, discord]) {
      expect(chat.headers["content-type"]).toBe("application/json");
      expect(chat.headers["baton-event"]).toBe("approval.requested");
      expect(verifySignature(SECRET, chat.body, String(chat.headers["baton-signature"]), now)).toBe(true);
    }
    const generic = await waitFor((r) => r.path === genericPath && r.body.includes(created.body.id));
    expect(generic.json).toMatchObject({ event: { type: "approval.requested", taskKey: key, payload: { approval: { id: created.body.id } } } });
  });

  it("sums up a `terraform show -json` plan the same way", { timeout: 60_000 }, async () => {
    const json = `${run}-json`;
    await api(`/api/v1/tasks/${json}`, { method: "PUT", json: { title: "JSON plan", phases: [{ key: "apply", name: "Apply", requiresApproval: true }] } });
    await api(`/api/v1/tasks/${json}/phases/apply/approvals`, {
      json: { title: "Apply the JSON plan", artifact: { name: "plan.json", contentType: "application/json", content: TERRAFORM_JSON_PLAN_FIXTURE } },
    });
    const slack = await waitFor(at(slackPath, "Apply the JSON plan"));
    expect((slack.json.blocks as { fields?: { text: string }[] }[])[1].fields?.at(-1)).toEqual({ type: "mrkdwn", text: "*Plan*\nPlan: 3 to add, 1 to change, 2 to destroy." });
    const discord = await waitFor(at(discordPath, "Apply the JSON plan"));
    expect((discord.json.embeds as { fields: unknown[] }[])[0].fields.at(-1)).toEqual({ name: "Plan", value: "Plan: 3 to add, 1 to change, 2 to destroy.", inline: false });
  });

  it("names who rejected an approval and carries the comment", { timeout: 60_000 }, async () => {
    const approval = (await api<{ items: { id: string }[] }>(`/api/v1/approvals?task=${key}&status=pending`)).body.items[0];
    const person = await personClient(baseUrl, adminToken);
    const decided = await person<{ decidedBy: string }>(`/api/v1/approvals/${approval.id}/decision`, {
      json: { decision: "reject", comment: "Split the subnet change out", artifactSha256: createHash("sha256").update(PLAN, "utf8").digest("hex") },
    });
    expect(decided.status).toBe(200);
    const name = decided.body.decidedBy.replace(/^person:/, "");
    const url = `${baseUrl}/approvals/${approval.id}`;
    const slack = await waitFor(at(slackPath, " rejected "));
    expect(slack.json).toEqual({
      text: `*${name}* rejected *Apply the VPC plan* on *Deploy the VPC*, phase *Apply*. <${url}|Open approval>`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: `*${name}* rejected *Apply the VPC plan* on *Deploy the VPC*, phase *Apply*.` } },
        { type: "section", fields: [{ type: "mrkdwn", text: `*Task*\n<${taskUrl}|Deploy the VPC>` }, { type: "mrkdwn", text: "*Phase*\nApply" }] },
        { type: "section", text: { type: "mrkdwn", text: "Split the subnet change out" } },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open approval" }, url }] },
      ],
    });
    const discord = await waitFor(at(discordPath, " rejected "));
    expect(discord.json).toEqual({
      content: `**${name}** rejected **Apply the VPC plan** on **Deploy the VPC**, phase **Apply**.\nOpen approval: <${url}>`,
      embeds: [
        {
          title: "Approval rejected",
          url,
          color: 0xdc2626,
          description: "Split the subnet change out",
          fields: [
            { name: "Task", value: `[Deploy the VPC](${taskUrl})`, inline: true },
            { name: "Phase", value: "Apply", inline: true },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it("asks a question with its options and links to the inbox", { timeout: 60_000 }, async () => {
    await api(`/api/v1/tasks/${key}/blockers`, {
      json: { kind: "decision", title: "Region", question: "Which region should the VPC go to?", options: ["eu-west-1", "us-east-1"], recommended: "eu-west-1", phase: "plan" },
    });
    const inbox = `${baseUrl}/inbox`;
    const slack = await waitFor(at(slackPath, "Which region"));
    expect(slack.json).toEqual({
      text: `Question on *Deploy the VPC*: Which region should the VPC go to? <${inbox}|Answer>`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "Question on *Deploy the VPC*: Which region should the VPC go to?" } },
        {
          type: "section",
          fields: [
            { type: "mrkdwn", text: `*Task*\n<${taskUrl}|Deploy the VPC>` },
            { type: "mrkdwn", text: "*Phase*\nPlan" },
            { type: "mrkdwn", text: "*Options*\neu-west-1 (recommended) · us-east-1" },
          ],
        },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Answer" }, url: inbox }] },
      ],
    });
    const discord = await waitFor(at(discordPath, "Which region"));
    expect(discord.json).toEqual({
      content: `Question on **Deploy the VPC**: Which region should the VPC go to?\nAnswer: <${inbox}>`,
      embeds: [
        {
          title: "Question",
          url: inbox,
          color: 0x2563eb,
          fields: [
            { name: "Task", value: `[Deploy the VPC](${taskUrl})`, inline: true },
            { name: "Phase", value: "Plan", inline: true },
            { name: "Options", value: "eu-west-1 (recommended) · us-east-1", inline: false },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it("says what blocks a task, with hostile text neutralised", { timeout: 60_000 }, async () => {
    await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "<!channel> @here need *AWS* creds", kind: "access", detail: "The role lacks ec2:CreateVpc" } });
    const slack = await waitFor(at(slackPath, "need *AWS* creds"));
    expect(slack.json).toEqual({
      text: `*Deploy the VPC* is blocked: *&lt;!channel&gt; @\u200bhere need *AWS* creds*. <${taskUrl}|Open task>`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "*Deploy the VPC* is blocked: *&lt;!channel&gt; @\u200bhere need *AWS* creds*." } },
        { type: "section", fields: [{ type: "mrkdwn", text: `*Task*\n<${taskUrl}|Deploy the VPC>` }, { type: "mrkdwn", text: "*Kind*\naccess" }] },
        { type: "section", text: { type: "mrkdwn", text: "The role lacks ec2:CreateVpc" } },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open task" }, url: taskUrl }] },
      ],
    });
    const discord = await waitFor(at(discordPath, "need \\\\*AWS\\\\* creds"));
    expect(discord.json).toEqual({
      content: `**Deploy the VPC** is blocked: **\\<!channel> @\u200bhere need \\*AWS\\* creds**.\nOpen task: <${taskUrl}>`,
      embeds: [
        {
          title: "Task blocked",
          url: taskUrl,
          color: 0xea580c,
          description: "The role lacks ec2:CreateVpc",
          fields: [
            { name: "Task", value: `[Deploy the VPC](${taskUrl})`, inline: true },
            { name: "Kind", value: "access", inline: false },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it("says when a task finished and when one failed", { timeout: 60_000 }, async () => {
    const done = `${run}-done`;
    const failed = `${run}-failed`;
    await api(`/api/v1/tasks/${done}`, { method: "PUT", json: { title: "Rotate keys", phases: [{ key: "rotate", name: "Rotate" }] } });
    await api(`/api/v1/tasks/${failed}`, { method: "PUT", json: { title: "Backfill orders", phases: [{ key: "copy", name: "Copy" }] } });
    await api(`/api/v1/tasks/${done}/phases/rotate`, { method: "PATCH", json: { status: "active" } });
    await api(`/api/v1/tasks/${done}/checkpoints`, { json: { summary: "Rotated every key", phase: "rotate", phaseStatus: "done" } });
    await api(`/api/v1/tasks/${failed}/phases/copy`, { method: "PATCH", json: { status: "active" } });
    await api(`/api/v1/tasks/${failed}/phases/copy`, { method: "PATCH", json: { status: "failed" } });

    const doneUrl = `${baseUrl}/tasks/${done}`;
    const failedUrl = `${baseUrl}/tasks/${failed}`;
    const openTask = (url: string) => ({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open task" }, url }] });
    expect((await waitFor(at(slackPath, "finished:"))).json).toEqual({
      text: `*Rotate keys* finished: all 1 phases are done. <${doneUrl}|Open task>`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "*Rotate keys* finished: all 1 phases are done." } },
        { type: "section", fields: [{ type: "mrkdwn", text: `*Task*\n<${doneUrl}|Rotate keys>` }, { type: "mrkdwn", text: "*Phase*\nRotate" }] },
        openTask(doneUrl),
      ],
    });
    expect((await waitFor(at(slackPath, " failed:"))).json).toEqual({
      text: `*Backfill orders* failed: phase *Copy* failed. <${failedUrl}|Open task>`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "*Backfill orders* failed: phase *Copy* failed." } },
        { type: "section", fields: [{ type: "mrkdwn", text: `*Task*\n<${failedUrl}|Backfill orders>` }, { type: "mrkdwn", text: "*Phase*\nCopy" }] },
        openTask(failedUrl),
      ],
    });
    const embed = (title: string, url: string, color: number, task: string, phase: string) => ({
      title,
      url,
      color,
      fields: [
        { name: "Task", value: `[${task}](${url})`, inline: true },
        { name: "Phase", value: phase, inline: true },
      ],
    });
    expect((await waitFor(at(discordPath, "finished:"))).json).toEqual({
      content: `**Rotate keys** finished: all 1 phases are done.\nOpen task: <${doneUrl}>`,
      embeds: [embed("Task finished", doneUrl, 0x16a34a, "Rotate keys", "Rotate")],
      allowed_mentions: { parse: [] },
    });
    expect((await waitFor(at(discordPath, " failed:"))).json).toEqual({
      content: `**Backfill orders** failed: phase **Copy** failed.\nOpen task: <${failedUrl}>`,
      embeds: [embed("Task failed", failedUrl, 0xdc2626, "Backfill orders", "Copy")],
      allowed_mentions: { parse: [] },
    });
  });

  it("keeps routine events out of chat while the generic webhook gets them", { timeout: 60_000 }, async () => {
    const quiet = `${run}-quiet`;
    await api(`/api/v1/tasks/${quiet}`, { method: "PUT", json: { title: "Quiet", phases: [{ key: "work" }] } });
    await api(`/api/v1/tasks/${quiet}/checkpoints`, { json: { summary: "routine progress" } });
    const generic = await waitFor((r) => r.path === genericPath && r.body.includes("routine progress"));
    // One enqueue pass writes the deliveries of an event for every webhook: the generic one's arrival means the others were decided.
    const seq = (generic.json as { event: { seq: number } }).event.seq;
    for (const id of hooks.slice(0, 2)) {
      const log = await api<{ items: { eventSeq: number }[] }>(`/api/v1/webhooks/${id}/deliveries?limit=200`, asPerson);
      expect(log.body.items.map((d) => d.eventSeq)).not.toContain(seq);
    }
  });
});

describe("a webhook's format", () => {
  const run = uniqueKey("format");

  it("is validated on create and update: an unknown format is refused with problem+json and changes nothing", async () => {
    const before = (await api<{ items: unknown[] }>(`/api/v1/webhooks`, asPerson)).body.items.length;
    const refused = await api<{ errors: { path: string }[] }>(`/api/v1/webhooks`, {
      json: { url: `${receiverUrl}/${run}`, events: ["*"], secret: SECRET, format: "teams" },
      ...asPerson,
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body.errors.map((e) => e.path)).toEqual(["format"]);
    expect((await api<{ items: unknown[] }>(`/api/v1/webhooks`, asPerson)).body.items.length).toBe(before);

    const hook = await createHook(`/${run}/patched`, "slack", ["blocker.opened"]);
    for (const body of [{ format: "teams" }, { format: "discord", url: "ftp://example.com" }, {}]) {
      const bad = await api(`/api/v1/webhooks/${hook.id}`, { method: "PATCH", json: body, ...asPerson });
      expect(bad.status).toBe(422);
      expect(bad.headers.get("content-type")).toContain("application/problem+json");
    }
    const malformed = await api(`/api/v1/webhooks/${hook.id}`, { method: "PATCH", text: "{format:", contentType: "application/json", ...asPerson });
    expect(malformed.status).toBe(400);
    const listed = (await api<{ items: { id: string; format: string; url: string }[] }>(`/api/v1/webhooks`, asPerson)).body.items.find((w) => w.id === hook.id);
    expect(listed).toMatchObject({ format: "slack", url: `${receiverUrl}/${run}/patched` });
  });

  it("can be changed, and the next delivery uses the new format", { timeout: 60_000 }, async () => {
    const hook = await createHook(`/${run}/switch`, "slack", ["blocker.opened"]);
    const changed = await api<{ format: string; events: string[] }>(`/api/v1/webhooks/${hook.id}`, { method: "PATCH", json: { format: "discord" }, ...asPerson });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ format: "discord", events: ["blocker.opened"] });
    expect((await api(`/api/v1/webhooks/${hook.id}`, { method: "PATCH", json: { format: "generic" } })).status).toBe(403);
    expect((await api(`/api/v1/webhooks/whk_missing`, { method: "PATCH", json: { format: "generic" }, ...asPerson })).status).toBe(404);

    const key = `${run}-switch`;
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Switch" } });
    await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "Waiting on DNS", kind: "dependency" } });
    const message = await waitFor((r) => r.path === `/${run}/switch` && r.body.includes("Waiting on DNS"));
    expect(message.json).toMatchObject({ content: expect.stringContaining("**Switch** is blocked: **Waiting on DNS**."), allowed_mentions: { parse: [] } });
  });

  it("decides what the test message looks like; the answer reports what the receiver said", { timeout: 60_000 }, async () => {
    const slack = await createHook(`/${run}/test-slack`, "slack", ["approval.requested"]);
    const result = await api(`/api/v1/webhooks/${slack.id}/test`, { method: "POST", ...asPerson });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ format: "slack", delivered: true, responseStatus: 200, error: null });
    const sample = await waitFor((r) => r.path === `/${run}/test-slack`);
    const settings = `${baseUrl}/settings`;
    const sentence = "This is a test message from Baton: approval requests, questions, blockers and finished tasks will appear here.";
    expect(sample.json).toEqual({
      text: `${sentence} <${settings}|Open webhooks>`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: sentence } },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open webhooks" }, url: settings }] },
      ],
    });
    expect(sample.headers["baton-event"]).toBe("ping");
    expect(verifySignature(SECRET, sample.body, String(sample.headers["baton-signature"]), Math.floor(Date.now() / 1000))).toBe(true);
    expect((await api<{ items: unknown[] }>(`/api/v1/webhooks/${slack.id}/deliveries`, asPerson)).body.items).toEqual([]);

    const generic = await createHook(`/${run}/test-generic`, "generic", ["approval.requested"]);
    await api(`/api/v1/webhooks/${generic.id}/test`, { method: "POST", ...asPerson });
    expect((await waitFor((r) => r.path === `/${run}/test-generic`)).json).toEqual({ webhookId: generic.id, ping: { message: sentence, url: settings } });

    const down = await createHook(`/down/${run}`, "discord", ["approval.requested"]);
    const failed = await api(`/api/v1/webhooks/${down.id}/test`, { method: "POST", ...asPerson });
    expect(failed.body).toEqual({ format: "discord", delivered: false, responseStatus: 503, error: "The receiver answered 503 Service Unavailable" });

    expect((await api(`/api/v1/webhooks/${slack.id}/test`, { method: "POST" })).status).toBe(403);
    expect((await api(`/api/v1/webhooks/${slack.id}/test`, { method: "POST", token: null })).status).toBe(401);
    expect((await api(`/api/v1/webhooks/whk_missing/test`, { method: "POST", ...asPerson })).status).toBe(404);
  });
});
