import { describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, uniqueKey } from "./context";

type Brief = {
  agent: string | null;
  generatedAt: string;
  progress: { percent: number; phasesDone: number; phasesTotal: number };
  lane: { agent: string; percent: number } | null;
  currentPhase: { key: string; progress: { current: number; total: number; unit: string; percent: number } | null } | null;
  resumeFrom: string | null;
  nextActions: string[];
  lastCheckpoint: { seq: number; done: string[]; next: string[]; dependencies: string[]; decisions: string[] } | null;
  openBlockers: { title: string }[];
  pendingApprovals: { title: string }[];
  rejectedApprovals: { title: string; comment: string | null }[];
  latestHandoff: { from: string; to: string; nextSteps: string[] } | null;
  remainingPhases: { key: string; verification: { name: string; command?: string }[]; rollback: string | null }[];
};

const passed = (...names: string[]) => names.map((name) => ({ name, status: "passed" }));

/** The guide's Example 2: backup and schema migration done, the backfill 73% through 1M records. */
async function backfillAt73(): Promise<string> {
  const key = uniqueKey("backfill");
  await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Orders: migration with data backfill", playbook: "db-migration-backfill" } });
  await api(`/api/v1/tasks/${key}/checkpoints`, {
    json: { summary: "Backup written", phase: "backup", phaseStatus: "done", verification: passed("pg_dump", "Backup is not empty") },
  });
  await api(`/api/v1/tasks/${key}/checkpoints`, {
    json: {
      summary: "Schema migration complete",
      phase: "schema-migration",
      phaseStatus: "done",
      done: ["Tables created", "Indexes added"],
      verification: passed("prisma migrate deploy", "prisma migrate status"),
    },
  });
  const checkpoint = await api(`/api/v1/tasks/${key}/checkpoints`, {
    json: {
      summary: "New columns populated for 730,000 records",
      phase: "backfill",
      agent: "migrator",
      progress: { current: 730_000, total: 1_000_000, unit: "records" },
      resumeFrom: "record 730000",
      done: ["Backfill script ran for 730,000 of 1M records"],
      next: ["Modify backfill script to start at offset 730000", "Run remaining 270,000 records", "Verify foreign key constraints"],
      dependencies: ["Replica lag below 5 s"],
      decisions: ["Batches of 10,000 records"],
    },
  });
  expect(checkpoint.status).toBe(201);
  return key;
}

async function login(): Promise<string> {
  const response = await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" });
  return response.headers.get("set-cookie")!.split(";")[0];
}

describe("GET /api/v1/tasks/{key}/brief", () => {
  it("answers markdown by default that resumes the guide's backfill at 73%", async () => {
    const key = await backfillAt73();
    const response = await api<string>(`/api/v1/tasks/${key}/brief`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/markdown");
    const markdown = response.text;
    expect(markdown).toContain(`# Resume brief: Orders: migration with data backfill (\`${key}\`)`);
    expect(markdown).toContain("**68.3% complete** · status active · 2 of 4 phases done · playbook `db-migration-backfill`");
    expect(markdown).toContain("Current phase: **Backfill new columns** (`backfill`) — active · agent `migrator`");
    expect(markdown).toContain("Progress: 730,000 / 1,000,000 records · 73%");
    expect(markdown).toContain("**73% — resume at record 730000**");
    expect(markdown).toContain("1. Modify backfill script to start at offset 730000\n2. Run remaining 270,000 records\n3. Verify foreign key constraints");
    expect(markdown).toContain("### Dependencies\n\n- Replica lag below 5 s");
    expect(markdown).toContain("### Decisions\n\n- Batches of 10,000 records");
    expect(markdown).toMatch(/### 4\. Verify foreign key constraints \(`verify-constraints`\) — pending\n/);
    expect(markdown).toContain("Rollback: Restore backup_pre_migration.sql and rerun from the schema migration.");
    expect(markdown).toContain(`curl -sS -X POST "$BATON_URL/api/v1/tasks/${key}/checkpoints"`);
    expect(markdown).toContain('"progress":{"current":730000,"total":1000000,"unit":"records"}');
  });

  it("answers JSON with Accept: application/json, with the same percent as the task", async () => {
    const key = await backfillAt73();
    const [brief, task] = await Promise.all([
      api<Brief>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } }),
      api<{ progress: { percent: number } }>(`/api/v1/tasks/${key}`),
    ]);
    expect(brief.status).toBe(200);
    expect(brief.headers.get("content-type")).toContain("application/json");
    expect(brief.body.progress.percent).toBe(task.body.progress.percent);
    expect(brief.body.progress).toEqual({ percent: 68.3, phasesDone: 2, phasesTotal: 4 });
    expect(brief.body.currentPhase?.key).toBe("backfill");
    expect(brief.body.currentPhase?.progress).toEqual({ current: 730_000, total: 1_000_000, unit: "records", percent: 73 });
    expect(brief.body.resumeFrom).toBe("record 730000");
    expect(brief.body.lastCheckpoint).toMatchObject({ seq: 3, dependencies: ["Replica lag below 5 s"], decisions: ["Batches of 10,000 records"] });
    expect(brief.body.remainingPhases.map((p) => p.key)).toEqual(["backfill", "verify-constraints"]);
    expect(Date.parse(brief.body.generatedAt)).not.toBeNaN();
  });

  it("renders the same markdown twice (no clock in the text)", async () => {
    const key = await backfillAt73();
    const first = await api(`/api/v1/tasks/${key}/brief`);
    const second = await api(`/api/v1/tasks/${key}/brief`);
    expect(second.text).toBe(first.text);
  });

  it("puts a rejected approval's comment first among the next actions, and lists open blockers and pending gates", async () => {
    const key = uniqueKey("tf");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "VPC", playbook: "terraform-deploy" } });
    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "Planned", phase: "plan", next: ["Wait for the plan review"] } });
    const requested = await api<{ id: string; artifactSha256: string }>(`/api/v1/tasks/${key}/phases/apply/approvals`, {
      json: { title: "Apply VPC plan", artifact: { name: "plan.txt", content: "Plan: 3 to add, 0 to change, 1 to destroy." } },
    });
    expect(requested.status).toBe(201);

    const pending = await api<Brief>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
    expect(pending.body.pendingApprovals.map((a) => a.title)).toEqual(["Apply VPC plan"]);

    const cookie = await login();
    const decided = await api(`/api/v1/approvals/${requested.body.id}/decision`, {
      token: null,
      headers: { cookie, origin: baseUrl },
      json: { decision: "reject", comment: "Do not destroy the NAT gateway", artifactSha256: requested.body.artifactSha256 },
    });
    expect(decided.status).toBe(200);
    await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "Need a new plan", kind: "decision" } });

    const brief = await api<Brief>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
    expect(brief.body.nextActions[0]).toBe("Address rejection of Apply VPC plan: Do not destroy the NAT gateway");
    expect(brief.body.nextActions).toContain("Wait for the plan review");
    expect(brief.body.rejectedApprovals).toEqual([expect.objectContaining({ title: "Apply VPC plan", comment: "Do not destroy the NAT gateway" })]);
    expect(brief.body.pendingApprovals).toEqual([]);
    expect(brief.body.openBlockers.map((b) => b.title)).toEqual(["Need a new plan"]);

    const markdown = (await api(`/api/v1/tasks/${key}/brief`)).text;
    expect(markdown).toContain("## Next actions\n\n1. Address rejection of Apply VPC plan: Do not destroy the NAT gateway\n");
    expect(markdown).toContain("### Rejected\n\n- **Apply VPC plan** (phase `apply`, rejected by");
    expect(markdown).toContain("- **Need a new plan** (decision)");
    expect(markdown).toContain("### 3. Apply the reviewed plan (`apply`) — ");
    expect(markdown).toContain("- terraform apply: `terraform apply plan.out`");
  });

  it("narrows to an agent's lane and the handoffs addressed to it with ?agent=", async () => {
    const key = uniqueKey("split");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "E-commerce platform", playbook: "split-brain-delivery" } });
    await api(`/api/v1/tasks/${key}/checkpoints`, {
      json: { summary: "Cluster and database ready", phase: "infra", agent: "infra", phaseStatus: "done", next: ["Hand off to app"], verification: passed("cluster reachable", "terraform output") },
    });
    await api(`/api/v1/tasks/${key}/handoffs`, {
      json: { from: "infra", to: "app", complete: ["Kubernetes cluster deployed in us-east-1"], needed: ["Initial schema migration scripts"], nextSteps: ["Run initial migration", "Seed with base data"] },
    });
    await api(`/api/v1/tasks/${key}/handoffs`, { json: { from: "app", to: "testing", nextSteps: ["Not yet"] } });

    const app = await api<Brief>(`/api/v1/tasks/${key}/brief?agent=app`, { headers: { accept: "application/json" } });
    expect(app.status).toBe(200);
    expect(app.body.agent).toBe("app");
    expect(app.body.lane).toMatchObject({ agent: "app", percent: 0 });
    expect(app.body.currentPhase?.key).toBe("app");
    expect(app.body.remainingPhases.map((p) => p.key)).toEqual(["app"]);
    expect(app.body.latestHandoff).toMatchObject({ from: "infra", to: "app" });
    expect(app.body.lastCheckpoint).toBeNull();
    expect(app.body.nextActions).toEqual(["Run initial migration", "Seed with base data"]);
    expect(app.body.progress.phasesDone).toBe(1);

    const all = await api<Brief>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
    expect(all.body.latestHandoff).toMatchObject({ from: "app", to: "testing" });
    expect(all.body.remainingPhases.map((p) => p.key)).toEqual(["app", "testing"]);

    const markdown = (await api(`/api/v1/tasks/${key}/brief?agent=app`)).text;
    expect(markdown).toContain("## Latest handoff: infra → app");
    expect(markdown).toContain("Lane of agent `app`: 0% · 0 of 1 phases done");
    expect(markdown).not.toContain("(`testing`)");
  });

  it("answers 404 for an unknown task and 401 without a token", async () => {
    expect((await api(`/api/v1/tasks/${uniqueKey("missing")}/brief`)).status).toBe(404);
    expect((await api(`/api/v1/tasks/${uniqueKey("missing")}/brief`, { token: null })).status).toBe(401);
  });
});
