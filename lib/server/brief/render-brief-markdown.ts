// The resume brief as markdown: a pure function of the BriefModel, with no clock of its own, so the
// same data always renders the same text.
import { formatNumber } from "@/lib/format/numbers";
import type { BriefModel } from "@/lib/server/brief/build-brief";
import type { GateState, PhaseView } from "@/lib/schemas/phase";

type Progress = NonNullable<PhaseView["progress"]>;

/** "730,000 / 1,000,000 records" (or "730,000 records" without a total). */
export function formatProgressCounts(progress: Progress): string {
  const unit = progress.unit ? ` ${progress.unit}` : "";
  return progress.total ? `${formatNumber(progress.current)} / ${formatNumber(progress.total)}${unit}` : `${formatNumber(progress.current)}${unit}`;
}

/** "73% — resume at record 730000": the line a new session starts from. */
export function resumeLine(phase: PhaseView | null, resumeFrom: string | null): string | null {
  const percent = phase?.progress?.percent;
  const prefix = percent === null || percent === undefined ? "" : `${percent}% — `;
  if (resumeFrom) return `${prefix}resume at ${resumeFrom}`;
  if (phase && percent !== null && percent !== undefined) return `${percent}% of ${phase.name} done`;
  return null;
}

const list = (items: string[]) => items.map((item) => `- ${item}`);
const numbered = (items: string[]) => items.map((item, index) => `${index + 1}. ${item}`);
const code = (text: string) => `\`${text.replaceAll("`", "'")}\``;

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`## ${title}`, "", ...lines, ""];
}

function subsection(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`### ${title}`, "", ...lines, ""];
}

export function renderBriefMarkdown(brief: BriefModel): string {
  const { task, progress, currentPhase: current } = brief;
  const lines: string[] = [`# Resume brief: ${task.title} (${code(task.key)})`, ""];

  lines.push(
    `**${progress.percent}% complete** · status ${task.status} · ${progress.phasesDone} of ${progress.phasesTotal} phases done` +
      (task.playbook ? ` · playbook ${code(task.playbook)}` : ""),
    "",
  );
  if (brief.lane) {
    lines.push(`Lane of agent ${code(brief.lane.agent)}: ${brief.lane.percent}% · ${brief.lane.phasesDone} of ${brief.lane.phasesTotal} phases done`, "");
  }
  if (task.startedAt) lines.push(`Started ${task.startedAt} · last activity ${task.lastActivityAt}`);
  lines.push("");
  if (task.description) lines.push(task.description, "");

  lines.push(...section("Where to resume", whereToResume(brief)));
  lines.push(...section("Next actions", numbered(brief.nextActions)));
  lines.push(...lastCheckpoint(brief));
  lines.push(...section("Open blockers", brief.openBlockers.map((b) => blockerLine(b, task.key))));
  lines.push(...approvals(brief));
  lines.push(...handoff(brief));
  lines.push(...section("Remaining phases", brief.remainingPhases.flatMap((p) => remainingPhase(p, p.key === current?.key))));
  lines.push(...section("Completed phases", brief.completedPhases.map((p) => `- ${p.name} (${code(p.key)}) — ${p.status}`)));
  lines.push(...section("Notes", task.notes ? [task.notes] : []));
  lines.push(...reportBack(brief));
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

type OpenBlocker = BriefModel["openBlockers"][number];

function blockerLine(blocker: OpenBlocker, taskKey: string): string {
  const facts = [blocker.kind, blocker.owner && `owner ${blocker.owner}`, blocker.phase && `phase ${code(blocker.phase)}`].filter(Boolean).join(", ");
  const line = `- **${blocker.title}** (${facts})${blocker.detail ? ` — ${blocker.detail}` : ""}`;
  if (!blocker.question) return line;
  return `${line}\n  - Asks a person: ${blocker.question}${optionList(blocker)} — wait for the answer (\`GET /api/v1/tasks/${taskKey}/blockers/${blocker.id}?wait=60\`); only the person resolves it`;
}

function optionList(blocker: OpenBlocker): string {
  if (blocker.options.length === 0) return "";
  return ` (options: ${blocker.options.map((o) => (o === blocker.recommended ? `${o} (recommended)` : o)).join(" / ")})`;
}

function whereToResume(brief: BriefModel): string[] {
  const current = brief.currentPhase;
  const lines: string[] = [];
  if (current) {
    const facts = [current.status, current.agent && `agent ${code(current.agent)}`, GATE_FACTS[current.gate]].filter(Boolean);
    lines.push(`Current phase: **${current.name}** (${code(current.key)}) — ${facts.join(" · ")}`);
    if (current.progress) lines.push(`Progress: ${formatProgressCounts(current.progress)}${current.progress.percent === null ? "" : ` · ${current.progress.percent}%`}`);
  } else {
    lines.push(brief.remainingPhases.length === 0 && brief.progress.phasesTotal > 0 ? "Every phase is finished." : "No phase is in progress.");
  }
  const resume = resumeLine(current, brief.resumeFrom);
  if (resume) lines.push(`**${resume}**`);
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}  ` : line));
}

function lastCheckpoint(brief: BriefModel): string[] {
  const checkpoint = brief.lastCheckpoint;
  if (!checkpoint) return [];
  const facts = [checkpoint.createdAt, checkpoint.phase && `phase ${code(checkpoint.phase)}`, checkpoint.agent && `by ${checkpoint.agent}`].filter(Boolean).join(", ");
  return [
    `## Last checkpoint #${checkpoint.seq} (${facts})`,
    "",
    checkpoint.summary,
    "",
    ...subsection("Done", list(checkpoint.done)),
    ...subsection("Dependencies", list(checkpoint.dependencies)),
    ...subsection("Decisions", list(checkpoint.decisions)),
    ...subsection(
      "Verification",
      checkpoint.verification.map((v) => `- ${v.status}: ${v.name}${v.command ? ` (${code(v.command)})` : ""}`),
    ),
  ];
}

function approvals(brief: BriefModel): string[] {
  const pending = brief.pendingApprovals.map(
    (a) => `- **${a.title}** (phase ${code(a.phase)}, requested by ${a.requestedBy ?? "unknown"}, expires ${a.expiresAt}) — waiting for a person at ${a.url}`,
  );
  const rejected = brief.rejectedApprovals.map((a) => {
    const who = a.status === "expired" ? "expired without a decision" : `rejected by ${a.decidedBy ?? "a person"}${a.decidedAt ? ` at ${a.decidedAt}` : ""}`;
    return `- **${a.title}** (phase ${code(a.phase)}, ${who})${a.comment ? `: ${a.comment}` : ""}`;
  });
  if (pending.length + rejected.length === 0) return [];
  return ["## Approvals", "", ...subsection("Pending", pending), ...subsection("Rejected", rejected)];
}

function handoff(brief: BriefModel): string[] {
  const h = brief.latestHandoff;
  if (!h) return [];
  return [
    `## Latest handoff: ${h.from} → ${h.to} (${h.createdAt})`,
    "",
    ...subsection("What's Complete", list(h.complete)),
    ...subsection("What's Needed", list(h.needed)),
    ...subsection("Next Steps", numbered(h.nextSteps)),
    ...(h.body && h.complete.length + h.needed.length + h.nextSteps.length === 0 ? [h.body, ""] : []),
  ];
}

/** The gate's state as the server computed it, in words an agent acts on. */
const GATE_FACTS: Record<GateState, string | null> = {
  none: null,
  required: "requires approval",
  pending: "approval pending",
  approved: "approved: may start once",
  rejected: "approval rejected or expired: request a new one",
  consumed: "approval used: starting again needs a new approval",
};

function remainingPhase(phase: PhaseView, isCurrent: boolean): string[] {
  const facts = [phase.status, isCurrent && "current", GATE_FACTS[phase.gate], phase.agent && `agent ${code(phase.agent)}`].filter(Boolean);
  return [
    `### ${phase.position + 1}. ${phase.name} (${code(phase.key)}) — ${facts.join(" · ")}`,
    "",
    ...(phase.completionCriteria.length ? ["Completion criteria:", ...phase.completionCriteria.map((c) => `- [ ] ${c}`), ""] : []),
    ...(phase.verification.length ? ["Verification:", ...phase.verification.map((v) => `- ${v.name}${v.command ? `: ${code(v.command)}` : ""}`), ""] : []),
    ...(phase.rollback ? [`Rollback: ${phase.rollback}`, ""] : []),
  ];
}

function reportBack(brief: BriefModel): string[] {
  const phase = brief.currentPhase?.key ?? "<phase>";
  return [
    "## How to report back",
    "",
    "Record a checkpoint after each meaningful step (`BATON_URL` and `BATON_TOKEN` as printed by `npm start`):",
    "",
    "```sh",
    brief.reportBack.checkpointCurl,
    "```",
    "",
    `Finish a phase with \`PATCH /api/v1/tasks/${brief.task.key}/phases/${phase}\` \`{"status": "done"}\` once its verification steps have passed; ` +
      `report a blocker with \`POST /api/v1/tasks/${brief.task.key}/blockers\`; fetch this brief again with \`GET /api/v1/tasks/${brief.task.key}/brief${brief.agent ? `?agent=${encodeURIComponent(brief.agent)}` : ""}\`.`,
    "",
  ];
}
