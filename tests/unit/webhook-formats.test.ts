import { describe, expect, it } from "vitest";
import type { BatonEvent } from "@/lib/schemas/event";
import type { PhaseView } from "@/lib/schemas/phase";
import type { BlockerView } from "@/lib/schemas/blocker";
import { describeEvent, testNotification, type EventContext } from "@/lib/server/webhooks/formats/notification";
import { slackMessage } from "@/lib/server/webhooks/formats/slack";
import { discordMessage } from "@/lib/server/webhooks/formats/discord";
import { discordText, slackText } from "@/lib/server/webhooks/formats/escape";
import { isChatWorthy } from "@/lib/server/webhooks/formats/chat-worthy";

const BASE = "https://baton.example.com";
const AT = "2026-12-02T02:00:00.000Z";
const PLAN = "Plan: 2 to add, 1 to change, 0 to destroy.";

const context = (phases: { key: string; name: string; status: string }[] = [{ key: "apply", name: "Apply", status: "awaiting_approval" }]): EventContext => ({
  baseUrl: BASE,
  task: { key: "deploy-vpc", title: "Deploy the VPC", phases },
  planSummary: null,
});

function phase(overrides: Partial<PhaseView> = {}): PhaseView {
  return {
    key: "apply",
    name: "Apply",
    position: 1,
    status: "awaiting_approval",
    requiresApproval: true,
    requiredApprovals: 1,
    preventSelfReview: false,
    gate: "approved",
    completionCriteria: [],
    verification: [],
    rollback: null,
    progress: null,
    resumeFrom: null,
    agent: null,
    startedAt: null,
    completedAt: null,
    updatedAt: AT,
    ...overrides,
  };
}

const approval = {
  id: "apr_1",
  task: "deploy-vpc",
  phase: "apply",
  title: "Apply the VPC plan",
  summary: null,
  status: "pending" as const,
  artifactName: "plan.txt",
  artifactContentType: "text/plain",
  artifactSha256: "0".repeat(64),
  requestedBy: "token:ci",
  decidedBy: null,
  comment: null,
  expiresAt: AT,
  onExpiry: "reject" as const,
  decidedAt: null,
  consumedAt: null,
  createdAt: AT,
  requiredApprovals: 1,
  approvalsReceived: 0,
  preventSelfReview: false,
  requestedByPerson: null,
  decisions: [],
  taskTitle: "Deploy the VPC",
  phaseName: "Apply",
  phaseStatus: "awaiting_approval" as const,
  url: `${BASE}/approvals/apr_1`,
};

function blocker(overrides: Partial<BlockerView> = {}): BlockerView {
  return {
    id: 7,
    title: "Need AWS credentials",
    detail: null,
    kind: "access",
    owner: null,
    phase: "apply",
    status: "open",
    resolution: null,
    question: null,
    options: [],
    recommended: null,
    answer: null,
    answerComment: null,
    answeredBy: null,
    answeredAt: null,
    createdAt: AT,
    resolvedAt: null,
    ...overrides,
  };
}

const event = <E extends BatonEvent>(type: E["type"], payload: E["payload"]): BatonEvent =>
  ({ seq: 42, type, taskKey: "deploy-vpc", actor: "token:ci", payload, createdAt: AT }) as BatonEvent;

const approvalRequested = event("approval.requested", { approval, phase: phase(), superseded: [] });
const question = event("blocker.opened", {
  blocker: blocker({ kind: "decision", title: "Region", question: "Which region should we use?", options: ["eu-west-1", "us-east-1"], recommended: "eu-west-1" }),
});
const rejection = event("approval.decided", {
  approval: { ...approval, status: "rejected", decidedBy: "person:alice", comment: "Too many changes at once" },
  decision: "reject",
  decidedBy: "person:alice",
  sessionId: "ses_1",
  decidedAt: AT,
  artifactSha256: "0".repeat(64),
  comment: "Too many changes at once",
  phase: phase({ status: "pending" }),
});
const blocked = event("blocker.opened", { blocker: blocker({ detail: "The role has no ec2:CreateVpc_role." }) });
const finished = event("phase.updated", { phase: phase({ status: "done" }), from: "active", to: "done" });
const failed = event("phase.updated", { phase: phase({ status: "failed" }), from: "active", to: "failed" });
const allDone = [
  { key: "plan", name: "Plan", status: "done" },
  { key: "apply", name: "Apply", status: "done" },
];

describe("chat messages (Slack)", () => {
  it("asks for a review of an approval, with the task, phase and plan summary", () => {
    expect(slackMessage(describeEvent(approvalRequested, { ...context(), planSummary: PLAN }))).toEqual({
      text: `Approval requested for *Apply the VPC plan* on *Deploy the VPC*, phase *Apply*. <${BASE}/approvals/apr_1|Review>`,
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "Approval requested for *Apply the VPC plan* on *Deploy the VPC*, phase *Apply*." } },
        {
          type: "section",
          fields: [
            { type: "mrkdwn", text: `*Task*\n<${BASE}/tasks/deploy-vpc|Deploy the VPC>` },
            { type: "mrkdwn", text: "*Phase*\nApply" },
            { type: "mrkdwn", text: `*Plan*\n${PLAN}` },
          ],
        },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Review" }, url: `${BASE}/approvals/apr_1`, style: "primary" }] },
      ],
    });
  });

  it("puts a question with its options and a link to the inbox", () => {
    const message = slackMessage(describeEvent(question, context()));
    expect(message.text).toBe(`Question on *Deploy the VPC*: Which region should we use? <${BASE}/inbox|Answer>`);
    expect(message.blocks[1]).toEqual({
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Task*\n<${BASE}/tasks/deploy-vpc|Deploy the VPC>` },
        { type: "mrkdwn", text: "*Phase*\nApply" },
        { type: "mrkdwn", text: "*Options*\neu-west-1 (recommended) · us-east-1" },
      ],
    });
  });

  it("names who rejected and quotes the comment", () => {
    const message = slackMessage(describeEvent(rejection, context()));
    expect(message.text).toBe(`*alice* rejected *Apply the VPC plan* on *Deploy the VPC*, phase *Apply*. <${BASE}/approvals/apr_1|Open approval>`);
    expect(message.blocks[2]).toEqual({ type: "section", text: { type: "mrkdwn", text: "Too many changes at once" } });
  });

  it("says who approved a gate that needs more people, and how many more", () => {
    const partly = event("approval.reviewed", {
      approval: { ...approval, requiredApprovals: 2, approvalsReceived: 1 },
      decision: "approve",
      by: "person:alice",
      sessionId: "ses_1",
      at: AT,
      artifactSha256: "0".repeat(64),
      comment: null,
      approvalsReceived: 1,
      requiredApprovals: 2,
    });
    expect(slackMessage(describeEvent(partly, context())).text).toBe(
      `*alice* approved *Apply the VPC plan* on *Deploy the VPC* (1 of 2 approvals): 1 more person must approve. <${BASE}/approvals/apr_1|Review>`,
    );
  });

  it("says what blocks a task, finished and failed tasks in one sentence each", () => {
    expect(slackMessage(describeEvent(blocked, context())).text).toBe(`*Deploy the VPC* is blocked: *Need AWS credentials*. <${BASE}/tasks/deploy-vpc|Open task>`);
    expect(slackMessage(describeEvent(finished, context(allDone))).text).toBe(`*Deploy the VPC* finished: all 2 phases are done. <${BASE}/tasks/deploy-vpc|Open task>`);
    expect(slackMessage(describeEvent(failed, context())).text).toBe(`*Deploy the VPC* failed: phase *Apply* failed. <${BASE}/tasks/deploy-vpc|Open task>`);
  });

  it("calls a phase done a phase update while other phases remain", () => {
    const notification = describeEvent(finished, context([...allDone, { key: "verify", name: "Verify", status: "pending" }]));
    expect(notification.kind).toBe("phase_moved");
    expect(slackMessage(notification).blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: "Phase *Apply* of *Deploy the VPC* is now done." } });
  });
});

describe("chat messages (Discord)", () => {
  it("asks for a review of an approval in content plus one amber embed", () => {
    expect(discordMessage(describeEvent(approvalRequested, { ...context(), planSummary: PLAN }))).toEqual({
      content: `Approval requested for **Apply the VPC plan** on **Deploy the VPC**, phase **Apply**.\nReview: <${BASE}/approvals/apr_1>`,
      embeds: [
        {
          title: "Approval requested",
          url: `${BASE}/approvals/apr_1`,
          color: 0xd97706,
          fields: [
            { name: "Task", value: `[Deploy the VPC](${BASE}/tasks/deploy-vpc)`, inline: true },
            { name: "Phase", value: "Apply", inline: true },
            { name: "Plan", value: PLAN, inline: false },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it("colours each kind: question blue, rejection and failure red, blocker orange, finished green", () => {
    const colour = (e: BatonEvent, c: EventContext) => discordMessage(describeEvent(e, c)).embeds[0].color;
    expect(colour(question, context())).toBe(0x2563eb);
    expect(colour(rejection, context())).toBe(0xdc2626);
    expect(colour(failed, context())).toBe(0xdc2626);
    expect(colour(blocked, context())).toBe(0xea580c);
    expect(colour(finished, context(allDone))).toBe(0x16a34a);
  });

  it("puts a rejection's comment and a blocker's detail in the embed description", () => {
    expect(discordMessage(describeEvent(rejection, context())).embeds[0]).toMatchObject({ title: "Approval rejected", description: "Too many changes at once" });
    expect(discordMessage(describeEvent(blocked, context())).embeds[0]).toMatchObject({ title: "Task blocked", description: "The role has no ec2:CreateVpc\\_role." });
  });
});

describe("hostile text from agents", () => {
  const hostile = "<!channel> @everyone **urgent** [click](https://evil.example) <@123> & @here";
  const hostileEvent = event("blocker.opened", { blocker: blocker({ title: hostile }) });

  it("cannot mention, link or format in Slack", () => {
    const text = slackMessage(describeEvent(hostileEvent, context())).blocks[0];
    expect(text).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "*Deploy the VPC* is blocked: *&lt;!channel&gt; @\u200beveryone **urgent** [click](https://evil.example) &lt;@123&gt; &amp; @\u200bhere*.",
      },
    });
  });

  it("cannot mention, link or format in Discord", () => {
    const message = discordMessage(describeEvent(hostileEvent, context()));
    expect(message.content.split("\n")[0]).toBe(
      "**Deploy the VPC** is blocked: **\\<!channel> @\u200beveryone \\*\\*urgent\\*\\* \\[click\\](https://evil.example) \\<@123> & @\u200bhere**.",
    );
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("cannot start a quote, heading or list on a new line in Discord", () => {
    expect(discordText("fine\n> quoted\n# heading\n - item", 1000)).toBe("fine\n\\> quoted\n\\# heading\n \\- item");
    expect(discordText("a - b # c > d", 1000)).toBe("a - b # c > d");
  });

  it("is clipped to the length the platform takes, never inside an escape", () => {
    expect(slackText("a".repeat(10), 10)).toBe("a".repeat(10));
    expect(slackText("a".repeat(11), 10)).toBe(`${"a".repeat(9)}…`);
    expect(slackText("aaaaaaa&&", 10)).toBe("aaaaaaa…");
    expect(discordText("**********", 10)).toBe("\\*\\*\\*\\*…");
    const long = slackMessage(describeEvent(event("blocker.opened", { blocker: blocker({ title: "x".repeat(300) }) }), context())).blocks[0];
    expect(JSON.stringify(long)).toContain(`*${"x".repeat(199)}…*`);
  });
});

describe("which events reach a chat webhook", () => {
  it("leaves out routine traffic: checkpoints that move no phase, progress-only phase updates, task and playbook edits", () => {
    const checkpoint = (phaseChange?: { phase: string; from: "active"; to: "done" | "active" }) => ({
      type: "checkpoint.created",
      payload: {
        checkpoint: { task: "t", seq: 1, phase: null, summary: "s", body: null, done: [], next: [], dependencies: [], decisions: [], progress: null, resumeFrom: null, agent: null, verification: [], metrics: {}, createdAt: AT },
        ...(phaseChange ? { phaseChange } : {}),
      },
    });
    expect(isChatWorthy(checkpoint())).toBe(false);
    expect(isChatWorthy(checkpoint({ phase: "apply", from: "active", to: "active" }))).toBe(false);
    expect(isChatWorthy(checkpoint({ phase: "apply", from: "active", to: "done" }))).toBe(true);
    expect(isChatWorthy({ type: "phase.updated", payload: { phase: phase({ status: "active" }), from: "active", to: "active" } })).toBe(false);
    expect(isChatWorthy({ type: "phase.updated", payload: { phase: phase({ status: "done" }), from: "active", to: "done" } })).toBe(true);
    expect(isChatWorthy({ type: "task.updated", payload: { created: true, fields: [], phases: [] } })).toBe(false);
    expect(isChatWorthy({ type: "playbook.updated", payload: { playbook: "p", created: true, phases: [] } })).toBe(false);
    expect(isChatWorthy(approvalRequested)).toBe(true);
    expect(isChatWorthy(question)).toBe(true);
  });

  it("finishes a task reported through a checkpoint that moves its last phase", () => {
    const last = event("checkpoint.created", {
      checkpoint: { task: "deploy-vpc", seq: 9, phase: "apply", summary: "Applied", body: null, done: [], next: [], dependencies: [], decisions: [], progress: null, resumeFrom: null, agent: null, verification: [], metrics: {}, createdAt: AT },
      phaseChange: { phase: "apply", from: "active", to: "done" },
    });
    expect(describeEvent(last, context(allDone)).kind).toBe("task_finished");
  });
});

describe("the test message", () => {
  it("links to the webhooks page in both formats", () => {
    const notification = testNotification(BASE);
    expect(slackMessage(notification).blocks.at(-1)).toEqual({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open webhooks" }, url: `${BASE}/settings` }] });
    expect(discordMessage(notification).embeds[0]).toMatchObject({ title: "Test message", url: `${BASE}/settings` });
  });
});
