// What a chat message says about one event: its kind, one sentence, the task, phase and plan summary, and the
// page to open. Pure: the Slack and Discord renderers turn it into their JSON, each escaping its own syntax.
import type { BatonEvent } from "@/lib/schemas/event";
import type { PhaseStatus } from "@/lib/schemas/phase";
import { isFinished } from "@/lib/server/phases/phase-rules";

export const notificationKinds = [
  "approval_requested",
  "question",
  "rejected",
  "blocker",
  "task_finished",
  "task_failed",
  "approved",
  "approval_reviewed",
  "approval_expired",
  "blocker_resolved",
  "handoff",
  "phase_moved",
  "checkpoint",
  "task_updated",
  "playbook_updated",
  "person_updated",
  "test",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Our own words (a string), a name from the data (`name`, shown bold), or a longer text from the data (`text`). */
export type Segment = string | { name: string } | { text: string };

export type ChatNotification = {
  kind: NotificationKind;
  /** One sentence saying what happened; the renderer adds the link. */
  sentence: Segment[];
  task: { title: string; url: string } | null;
  phase: string | null;
  planSummary: string | null;
  /** Short facts shown beside the task and phase (a question's options, a blocker's kind). */
  facts: { label: string; text: string }[];
  /** A longer text from a person or agent: a rejection comment, a blocker's detail. */
  body: string | null;
  link: { label: string; url: string };
};

/** What the event row does not carry: the task as it is now, and the plan summary of a requested approval. */
export type EventContext = {
  baseUrl: string;
  task: { key: string; title: string; phases: { key: string; name: string; status: string }[] } | null;
  planSummary: string | null;
};

const STATUS_WORDS: Record<PhaseStatus, string> = {
  pending: "pending",
  active: "active",
  awaiting_approval: "awaiting approval",
  done: "done",
  failed: "failed",
  rolled_back: "rolled back",
  skipped: "skipped",
};

/** `person:alice` → `alice`: chat readers know people by name. */
function who(actor: string): string {
  return actor.replace(/^person:/, "");
}

export function describeEvent(event: BatonEvent, context: EventContext): ChatNotification {
  const taskKey = event.taskKey ?? "";
  const taskUrl = `${context.baseUrl}/tasks/${encodeURIComponent(taskKey)}`;
  const taskTitle = context.task?.title ?? taskKey;
  const task = event.taskKey ? { title: taskTitle, url: taskUrl } : null;
  const phaseName = (key: string | null) => (key === null ? null : (context.task?.phases.find((p) => p.key === key)?.name ?? key));
  const openTask = { label: "Open task", url: taskUrl };
  const base = { task, phase: null, planSummary: null, facts: [], body: null, link: openTask };
  const approvalLink = (id: string, label: string) => ({ label, url: `${context.baseUrl}/approvals/${encodeURIComponent(id)}` });

  const phaseMove = (phaseKey: string, to: PhaseStatus): ChatNotification => {
    const phase = phaseName(phaseKey) ?? phaseKey;
    const phases = context.task?.phases ?? [];
    if (to === "failed") return { ...base, kind: "task_failed", phase, sentence: [{ name: taskTitle }, " failed: phase ", { name: phase }, " failed."] };
    if (isFinished(to) && phases.length > 0 && phases.every((p) => isFinished(p.status))) {
      const all = phases.some((p) => p.status === "skipped") ? "done or skipped" : "done";
      return { ...base, kind: "task_finished", phase, sentence: [{ name: taskTitle }, ` finished: all ${phases.length} phases are ${all}.`] };
    }
    return { ...base, kind: "phase_moved", phase, sentence: ["Phase ", { name: phase }, " of ", { name: taskTitle }, ` is now ${STATUS_WORDS[to]}.`] };
  };

  switch (event.type) {
    case "approval.requested": {
      const { approval } = event.payload;
      return {
        ...base,
        kind: "approval_requested",
        sentence: ["Approval requested for ", { name: approval.title }, " on ", { name: taskTitle }, ", phase ", { name: approval.phaseName }, "."],
        phase: approval.phaseName,
        planSummary: context.planSummary,
        link: approvalLink(approval.id, "Review"),
      };
    }
    case "approval.decided": {
      const { approval, decision, decidedBy, comment } = event.payload;
      const verb = decision === "reject" ? " rejected " : " approved ";
      return {
        ...base,
        kind: decision === "reject" ? "rejected" : "approved",
        sentence: [{ name: who(decidedBy) }, verb, { name: approval.title }, " on ", { name: taskTitle }, ", phase ", { name: approval.phaseName }, "."],
        phase: approval.phaseName,
        body: comment,
        link: approvalLink(approval.id, "Open approval"),
      };
    }
    case "approval.reviewed": {
      const { approval, by, comment, approvalsReceived, requiredApprovals } = event.payload;
      const missing = requiredApprovals - approvalsReceived;
      return {
        ...base,
        kind: "approval_reviewed",
        sentence: [
          { name: who(by) },
          " approved ",
          { name: approval.title },
          " on ",
          { name: taskTitle },
          ` (${approvalsReceived} of ${requiredApprovals} approvals): ${missing === 1 ? "1 more person" : `${missing} more people`} must approve.`,
        ],
        phase: approval.phaseName,
        body: comment,
        link: approvalLink(approval.id, "Review"),
      };
    }
    case "approval.expired": {
      const { approval } = event.payload;
      return {
        ...base,
        kind: "approval_expired",
        sentence: ["Nobody decided ", { name: approval.title }, " on ", { name: taskTitle }, " in time: the approval expired and counts as rejected."],
        phase: approval.phaseName,
        link: approvalLink(approval.id, "Open approval"),
      };
    }
    case "blocker.opened": {
      const { blocker } = event.payload;
      const phase = phaseName(blocker.phase);
      if (blocker.question !== null) {
        const options = blocker.options.map((option) => (option === blocker.recommended ? `${option} (recommended)` : option));
        return {
          ...base,
          kind: "question",
          sentence: ["Question on ", { name: taskTitle }, ": ", { text: blocker.question }],
          phase,
          facts: options.length > 0 ? [{ label: "Options", text: options.join(" · ") }] : [],
          link: { label: "Answer", url: `${context.baseUrl}/inbox` },
        };
      }
      return {
        ...base,
        kind: "blocker",
        sentence: [{ name: taskTitle }, " is blocked: ", { name: blocker.title }, "."],
        phase,
        facts: [{ label: "Kind", text: blocker.kind.replace("_", " ") }],
        body: blocker.detail,
      };
    }
    case "blocker.resolved": {
      const { blocker, answeredBy } = event.payload;
      const phase = phaseName(blocker.phase);
      if (answeredBy !== undefined && blocker.answer !== null) {
        return {
          ...base,
          kind: "blocker_resolved",
          sentence: [{ name: who(answeredBy) }, " answered ", { name: blocker.question ?? blocker.title }, " on ", { name: taskTitle }, ": ", { name: blocker.answer }, "."],
          phase,
          body: blocker.answerComment,
        };
      }
      return { ...base, kind: "blocker_resolved", sentence: [{ name: taskTitle }, " is no longer blocked by ", { name: blocker.title }, "."], phase, body: blocker.resolution };
    }
    case "phase.updated":
      return phaseMove(event.payload.phase.key, event.payload.to);
    case "checkpoint.created": {
      const { checkpoint, phaseChange } = event.payload;
      if (phaseChange) return phaseMove(phaseChange.phase, phaseChange.to);
      return { ...base, kind: "checkpoint", sentence: [`Checkpoint #${checkpoint.seq} on `, { name: taskTitle }, ": ", { text: checkpoint.summary }], phase: phaseName(checkpoint.phase) };
    }
    case "handoff.created": {
      const { handoff } = event.payload;
      return {
        ...base,
        kind: "handoff",
        sentence: [{ name: handoff.from }, " handed ", { name: taskTitle }, " over to ", { name: handoff.to }, "."],
        body: handoff.nextSteps.length > 0 ? `Next steps: ${handoff.nextSteps.join("; ")}` : null,
      };
    }
    case "task.updated":
      return { ...base, kind: "task_updated", sentence: [{ name: taskTitle }, " was updated."] };
    case "playbook.updated": {
      const home = { label: "Open Baton", url: `${context.baseUrl}/` };
      if ("builtIn" in event.payload) return { ...base, kind: "playbook_updated", sentence: ["The built-in playbooks were installed or upgraded."], link: home };
      const verb = event.payload.created ? " was created." : " was updated.";
      return { ...base, kind: "playbook_updated", sentence: ["Playbook ", { name: event.payload.playbook }, verb], link: home };
    }
    case "person.updated": {
      const { person, change, role } = event.payload;
      const people = { label: "Open people", url: `${context.baseUrl}/people` };
      const what = change === "removed" ? " was removed." : change === "changed" ? ` is now ${role}.` : ` was invited as ${role}.`;
      return { ...base, kind: "person_updated", sentence: [{ name: person }, what], link: people };
    }
  }
}

export const TEST_MESSAGE = "This is a test message from Baton: approval requests, questions, blockers and finished tasks will appear here.";

/** The sample `POST /webhooks/{id}/test` sends. */
export function testNotification(baseUrl: string): ChatNotification {
  return {
    kind: "test",
    sentence: [TEST_MESSAGE],
    task: null,
    phase: null,
    planSummary: null,
    facts: [],
    body: null,
    link: { label: "Open webhooks", url: `${baseUrl}/settings` },
  };
}
