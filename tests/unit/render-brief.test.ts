import { describe, expect, it } from "vitest";
import type { BriefModel } from "@/lib/server/brief/build-brief";
import type { PhaseView } from "@/lib/schemas/phase";
import { formatProgressCounts, renderBriefMarkdown, resumeLine } from "@/lib/server/brief/render-brief-markdown";

const AT = "2026-03-14T10:00:00.000Z";

function phase(overrides: Partial<PhaseView> & Pick<PhaseView, "key" | "position">): PhaseView {
  return {
    name: overrides.key,
    status: "pending",
    requiresApproval: false,
    requiredApprovals: 1,
    preventSelfReview: false,
    gate: "none",
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

const backfill = phase({
  key: "backfill",
  name: "Backfill new columns",
  position: 2,
  status: "active",
  agent: "migrator",
  progress: { current: 730_000, total: 1_000_000, unit: "records", percent: 73 },
  resumeFrom: "record 730000",
  completionCriteria: ["Every record backfilled"],
  verification: [{ name: "No rows left to backfill", command: "psql -c 'SELECT 1'" }],
  rollback: "Restart at the last resumeFrom offset.",
});
const verify = phase({
  key: "verify-constraints",
  name: "Verify foreign key constraints",
  position: 3,
  requiresApproval: true,
  gate: "required",
  completionCriteria: ["All foreign key constraints validate"],
  verification: [{ name: "Foreign key constraints" }],
});

const blocker: BriefModel["openBlockers"][number] = {
  id: 0,
  title: "",
  detail: null,
  kind: "decision",
  owner: null,
  phase: null,
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
};

function fixture(overrides: Partial<BriefModel> = {}): BriefModel {
  return {
    task: {
      key: "orders-backfill",
      title: "Backfill orders",
      description: null,
      notes: "Run at night.",
      status: "active",
      playbook: "db-migration-backfill",
      startedAt: AT,
      lastActivityAt: "2026-03-14T12:00:00.000Z",
    },
    agent: null,
    generatedAt: "2030-01-01T00:00:00.000Z",
    progress: { percent: 68.3, phasesDone: 2, phasesTotal: 4 },
    lane: null,
    currentPhase: backfill,
    resumeFrom: "record 730000",
    nextActions: ["Modify backfill script to start at offset 730000", "Run remaining 270,000 records", "Verify foreign key constraints"],
    lastCheckpoint: {
      task: "orders-backfill",
      seq: 2,
      phase: "backfill",
      summary: "New columns populated",
      body: null,
      done: ["Backfill script ran for 730,000 of 1M records"],
      next: ["Modify backfill script to start at offset 730000"],
      dependencies: ["Replica lag under 5 s"],
      decisions: ["Batches of 10,000"],
      progress: { current: 730_000, total: 1_000_000, unit: "records" },
      resumeFrom: "record 730000",
      agent: "migrator",
      verification: [{ name: "row count", status: "passed", command: "psql -c 'SELECT count(*)'" }],
      metrics: {},
      createdAt: "2026-03-14T12:00:00.000Z",
    },
    openBlockers: [],
    answeredQuestions: [],
    pendingApprovals: [],
    rejectedApprovals: [],
    latestHandoff: null,
    remainingPhases: [backfill, verify],
    completedPhases: [
      { key: "backup", name: "Back up the database", status: "done" },
      { key: "schema-migration", name: "Schema migration", status: "done" },
    ],
    reportBack: {
      checkpointPath: "/api/v1/tasks/orders-backfill/checkpoints",
      checkpointCurl: 'curl -sS -X POST "$BATON_URL/api/v1/tasks/orders-backfill/checkpoints" \\\n  -d \'{}\'',
    },
    ...overrides,
  };
}

const rejected = {
  id: "apr_1",
  task: "orders-backfill",
  phase: "verify-constraints",
  title: "Drop the legacy column",
  summary: null,
  status: "rejected",
  artifactName: "plan.txt",
  artifactContentType: "text/plain",
  artifactSha256: "0".repeat(64),
  requestedBy: "migrator",
  decidedBy: "Dana",
  comment: "Keep the column until the reports move",
  expiresAt: AT,
  onExpiry: "reject",
  decidedAt: "2026-03-14T13:00:00.000Z",
  consumedAt: null,
  createdAt: AT,
  requiredApprovals: 1,
  approvalsReceived: 0,
  preventSelfReview: false,
  requestedByPerson: null,
  decisions: [{ by: "person:admin", decision: "reject", comment: "Keep the column until the reports move", at: "2026-03-14T13:00:00.000Z" }],
  taskTitle: "Backfill orders",
  phaseName: "Verify foreign key constraints",
  phaseStatus: "pending",
  url: "http://127.0.0.1:3000/approvals/apr_1",
} satisfies BriefModel["rejectedApprovals"][number];

describe("the resume brief in markdown", () => {
  const markdown = renderBriefMarkdown(fixture());
  const lines = markdown.split("\n");

  it("opens with the title, the overall percent and the phase count", () => {
    expect(lines[0]).toBe("# Resume brief: Backfill orders (`orders-backfill`)");
    expect(lines).toContain("**68.3% complete** · status active · 2 of 4 phases done · playbook `db-migration-backfill`");
  });

  it("says where to resume: current phase, its progress in units and the resume cursor", () => {
    expect(markdown).toContain(
      [
        "## Where to resume",
        "",
        "Current phase: **Backfill new columns** (`backfill`) — active · agent `migrator`  ",
        "Progress: 730,000 / 1,000,000 records · 73%  ",
        "**73% — resume at record 730000**",
      ].join("\n"),
    );
  });

  it("numbers the next actions and lists the last checkpoint's done, dependencies and decisions", () => {
    expect(markdown).toContain("## Next actions\n\n1. Modify backfill script to start at offset 730000\n2. Run remaining 270,000 records\n3. Verify foreign key constraints\n");
    expect(markdown).toContain("## Last checkpoint #2 (2026-03-14T12:00:00.000Z, phase `backfill`, by migrator)\n\nNew columns populated\n");
    expect(markdown).toContain("### Done\n\n- Backfill script ran for 730,000 of 1M records\n");
    expect(markdown).toContain("### Dependencies\n\n- Replica lag under 5 s\n");
    expect(markdown).toContain("### Decisions\n\n- Batches of 10,000\n");
    expect(markdown).toContain("- passed: row count (`psql -c 'SELECT count(*)'`)");
  });

  it("lists remaining phases with criteria, verification commands and rollback", () => {
    expect(markdown).toContain(
      [
        "### 3. Backfill new columns (`backfill`) — active · current · agent `migrator`",
        "",
        "Completion criteria:",
        "- [ ] Every record backfilled",
        "",
        "Verification:",
        "- No rows left to backfill: `psql -c 'SELECT 1'`",
        "",
        "Rollback: Restart at the last resumeFrom offset.",
      ].join("\n"),
    );
    expect(markdown).toContain("### 4. Verify foreign key constraints (`verify-constraints`) — pending · requires approval");
    expect(markdown).toContain("- Foreign key constraints\n");
    expect(markdown).toContain("## Completed phases\n\n- Back up the database (`backup`) — done\n- Schema migration (`schema-migration`) — done\n");
  });

  it("tells the agent the gate's real state: a used approval needs a new one before the phase starts again", () => {
    const used = renderBriefMarkdown(fixture({ remainingPhases: [{ ...verify, gate: "consumed" }] }));
    expect(used).toContain("— pending · approval used: starting again needs a new approval");
    const approved = renderBriefMarkdown(fixture({ remainingPhases: [{ ...verify, gate: "approved" }] }));
    expect(approved).toContain("— pending · approved: may start once");
  });

  it("ends with how to report back, including the curl to post a checkpoint", () => {
    expect(markdown).toContain("## How to report back");
    expect(markdown).toContain('```sh\ncurl -sS -X POST "$BATON_URL/api/v1/tasks/orders-backfill/checkpoints" \\\n');
    expect(markdown).toContain("`PATCH /api/v1/tasks/orders-backfill/phases/backfill`");
    expect(markdown.endsWith("```\n") || markdown.trimEnd().endsWith("/brief`.")).toBe(true);
  });

  it("is deterministic and never prints the generation time", () => {
    expect(renderBriefMarkdown(fixture({ generatedAt: "2099-12-31T00:00:00.000Z" }))).toBe(markdown);
    expect(markdown).not.toContain("2030-01-01");
    expect(markdown).not.toMatch(/\n{3}/);
  });

  it("shows rejected approvals with their comment and omits empty sections", () => {
    const text = renderBriefMarkdown(
      fixture({ rejectedApprovals: [rejected], nextActions: ["Address rejection of Drop the legacy column: Keep the column until the reports move"] }),
    );
    expect(text).toContain("## Approvals\n\n### Rejected\n\n- **Drop the legacy column** (phase `verify-constraints`, rejected by Dana at 2026-03-14T13:00:00.000Z): Keep the column until the reports move\n");
    expect(text).toContain("## Next actions\n\n1. Address rejection of Drop the legacy column: Keep the column until the reports move\n");
    expect(text).not.toContain("## Open blockers");
    expect(text).not.toContain("## Latest handoff");
  });

  it("renders blockers, pending approvals, a lane and the latest handoff", () => {
    const text = renderBriefMarkdown(
      fixture({
        agent: "app",
        lane: { agent: "app", percent: 50, phasesDone: 1, phasesTotal: 2 },
        openBlockers: [
          { ...blocker, id: 1, title: "Need Redis URL", detail: "from config", kind: "dependency", owner: "app" },
          { ...blocker, id: 7, title: "Pick the replica region", question: "Which region should the read replica go to?", options: ["us-east-1", "eu-west-1"], recommended: "eu-west-1" },
        ],
        pendingApprovals: [{ ...rejected, status: "pending", comment: null, decidedBy: null, decidedAt: null }],
        latestHandoff: {
          id: 1,
          task: "orders-backfill",
          from: "infra",
          to: "app",
          complete: ["Kubernetes cluster deployed in us-east-1"],
          needed: ["Health check endpoints at /health and /ready"],
          nextSteps: ["Run initial migration", "Seed with base data"],
          body: null,
          createdAt: AT,
        },
      }),
    );
    expect(text).toContain("Lane of agent `app`: 50% · 1 of 2 phases done");
    expect(text).toContain("## Open blockers\n\n- **Need Redis URL** (dependency, owner app) — from config\n");
    expect(text).toContain(
      "- **Pick the replica region** (decision)\n  - Asks a person: Which region should the read replica go to? (options: us-east-1 / eu-west-1 (recommended)) — " +
        "wait for the answer (`GET /api/v1/tasks/orders-backfill/blockers/7?wait=60`); only the person resolves it\n",
    );
    expect(text).toContain("### Pending\n\n- **Drop the legacy column** (phase `verify-constraints`, requested by migrator, expires 2026-03-14T10:00:00.000Z) — waiting for a person at http://127.0.0.1:3000/approvals/apr_1\n");
    expect(text).toContain(
      "## Latest handoff: infra → app (2026-03-14T10:00:00.000Z)\n\n### What's Complete\n\n- Kubernetes cluster deployed in us-east-1\n\n### What's Needed\n\n- Health check endpoints at /health and /ready\n\n### Next Steps\n\n1. Run initial migration\n2. Seed with base data\n",
    );
    expect(text).toContain("/brief?agent=app`.");
  });
});

describe("resume helpers", () => {
  it("formats progress counts with and without a total", () => {
    expect(formatProgressCounts({ current: 730_000, total: 1_000_000, unit: "records", percent: 73 })).toBe("730,000 / 1,000,000 records");
    expect(formatProgressCounts({ current: 12, total: null, unit: null, percent: null })).toBe("12");
  });

  it("builds the resume line from the phase percent and cursor", () => {
    expect(resumeLine(backfill, "record 730000")).toBe("73% — resume at record 730000");
    expect(resumeLine(verify, "step 3")).toBe("resume at step 3");
    expect(resumeLine(backfill, null)).toBe("73% of Backfill new columns done");
    expect(resumeLine(null, null)).toBeNull();
  });
});
