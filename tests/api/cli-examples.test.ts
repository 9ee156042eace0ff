import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { repoRoot, runCli } from "../support/cli";
import { personClient } from "../support/person";
import { adminToken, agentToken, api, baseUrl, uniqueKey } from "./context";

vi.setConfig({ testTimeout: 180_000 });

const examples = path.join(repoRoot, "examples");
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function env(task: string, extra: Record<string, string> = {}) {
  return {
    BATON_URL: baseUrl,
    BATON_TOKEN: agentToken,
    BATON_TASK: task,
    BATON_QUEUE: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-example-queue-")), "queue.jsonl"),
    PATH: `${path.join(repoRoot, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`,
    ...extra,
  };
}

type Checkpoint = { summary: string; resumeFrom: string; progress: { current: number; total: number } };

async function checkpointsOf(key: string): Promise<Checkpoint[]> {
  return (await api<{ items: Checkpoint[] }>(`/api/v1/tasks/${key}/checkpoints`)).body.items.reverse();
}

describe.each([
  ["bash", path.join(examples, "backfill.sh"), []],
  ["python (standard library only)", "python3", [path.join(examples, "backfill.py")]],
] as const)("the %s backfill example", (_name, command, args) => {
  it("stops at 73% like the guide's crash, then a second run resumes from the brief at record 730000 and finishes", async () => {
    const key = uniqueKey("example-backfill");
    const crash = await runCli(command, [...args], { env: env(key, { BACKFILL_BATCH: "365000", BACKFILL_STOP_AT: "730000" }) });
    expect(crash.code, crash.stderr).toBe(75);
    expect(crash.stderr).toContain("simulated crash after record 730000");
    const brief = await api<{ resumeFrom: string; progress: { percent: number } }>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
    expect(brief.body.resumeFrom).toBe("record 730000");
    expect(brief.body.progress.percent).toBe(73);

    const resumed = await runCli(command, [...args], { env: env(key, { BACKFILL_BATCH: "365000" }) });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain("Resuming at record 730000");
    const checkpoints = await checkpointsOf(key);
    expect(checkpoints.map((c) => c.resumeFrom)).toEqual(["record 365000", "record 730000", "record 1000000"]);
    expect(checkpoints[2].summary).toBe("Copied records 730001–1000000");
    const task = await api<{ status: string; progress: { percent: number } }>(`/api/v1/tasks/${key}`);
    expect(task.body).toMatchObject({ status: "done", progress: { percent: 100 } });
  });
});

const FAKE_TERRAFORM = `#!/usr/bin/env bash
# A stand-in for terraform: plan writes plan.out, show prints it, apply records that it ran.
set -euo pipefail
case "$1" in
  plan) for arg in "$@"; do [[ $arg == -out=* ]] && printf 'binary plan\\n' >"\${arg#-out=}"; done; echo "Plan: 1 to add, 0 to change, 0 to destroy." ;;
  show) printf '  + resource "aws_instance" "web" {}\\n\\nPlan: 1 to add, 0 to change, 0 to destroy.\\n' ;;
  apply) echo "$*" >>"\${FAKE_TERRAFORM_LOG:?}" ;;
  *) exit 64 ;;
esac
`;

describe("the terraform wrapper example", () => {
  function workdir() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-terraform-"));
    fs.writeFileSync(path.join(dir, "fake-terraform"), FAKE_TERRAFORM, { mode: 0o755 });
    return dir;
  }

  async function decideWhenRequested(key: string, decision: "approve" | "reject", comment: string) {
    for (let tries = 0; tries < 300; tries += 1) {
      const pending = await api<{ pendingApprovals: { id: string }[] }>(`/api/v1/tasks/${key}`);
      const approval = pending.status === 200 ? pending.body.pendingApprovals[0] : undefined;
      if (approval) {
        const detail = await api<{ artifact: { name: string; content: string } }>(`/api/v1/approvals/${approval.id}`);
        expect(detail.body.artifact.name).toBe("plan.out.txt");
        const person = await personClient(baseUrl, adminToken);
        const decided = await person(`/api/v1/approvals/${approval.id}/decision`, { json: { decision, comment, artifactSha256: sha256(detail.body.artifact.content) } });
        expect(decided.status).toBe(200);
        return;
      }
      await sleep(200);
    }
    throw new Error("the wrapper never requested an approval");
  }

  it("applies plan.out only after a person approves it", async () => {
    const dir = workdir();
    const key = uniqueKey("example-tf");
    const running = runCli(path.join(examples, "terraform-apply.sh"), [], {
      cwd: dir,
      env: env(key, { TERRAFORM: path.join(dir, "fake-terraform"), FAKE_TERRAFORM_LOG: path.join(dir, "applied.log"), APPROVAL_TIMEOUT: "120" }),
    });
    await decideWhenRequested(key, "approve", "looks right");
    const result = await running;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("approved by person:owner: looks right");
    expect(fs.readFileSync(path.join(dir, "applied.log"), "utf8")).toBe("apply -input=false plan.out\n");
    const task = await api<{ phases: { key: string; status: string }[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.phases.map((p) => [p.key, p.status])).toEqual([["plan", "done"], ["apply", "done"]]);
  });

  it("does not apply when the person rejects the plan, and exits 3 with their comment", async () => {
    const dir = workdir();
    const key = uniqueKey("example-tf-reject");
    const running = runCli(path.join(examples, "terraform-apply.sh"), [], {
      cwd: dir,
      env: env(key, { TERRAFORM: path.join(dir, "fake-terraform"), FAKE_TERRAFORM_LOG: path.join(dir, "applied.log"), APPROVAL_TIMEOUT: "120" }),
    });
    await decideWhenRequested(key, "reject", "Use t3.small, not m5.large");
    const result = await running;
    expect(result.code).toBe(3);
    expect(result.stdout).toContain("Not applying: Use t3.small, not m5.large");
    expect(fs.existsSync(path.join(dir, "applied.log"))).toBe(false);
  });

  it("does not apply when nobody decides before the timeout (exit 5)", async () => {
    const dir = workdir();
    const key = uniqueKey("example-tf-timeout");
    const result = await runCli(path.join(examples, "terraform-apply.sh"), [], {
      cwd: dir,
      env: env(key, { TERRAFORM: path.join(dir, "fake-terraform"), FAKE_TERRAFORM_LOG: path.join(dir, "applied.log"), APPROVAL_TIMEOUT: "1" }),
    });
    expect(result.code).toBe(5);
    expect(fs.existsSync(path.join(dir, "applied.log"))).toBe(false);
  });
});
