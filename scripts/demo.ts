// `npm run demo`: simulated agents play the guide's scenarios against a running Baton
// (BATON_URL / BATON_TOKEN, or the local defaults written by `npm start`).
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";

const program = new Command()
  .name("demo")
  .description("Simulated agents play the handoff guide's scenarios against a running Baton.")
  .option("--url <url>", "Baton base URL", process.env.BATON_URL ?? "http://127.0.0.1:3000")
  .option("--token <token>", "agent token (default: BATON_TOKEN or data/secrets.json)", process.env.BATON_TOKEN)
  .option("--delay <ms>", "pause between steps, to watch it live", "400")
  .parse();

const options = program.opts<{ url: string; token?: string; delay: string }>();
const token = options.token ?? readLocalAgentToken();
const delayMs = Number(options.delay);

function readLocalAgentToken(): string {
  const file = path.resolve("data", "secrets.json");
  if (!fs.existsSync(file)) throw new Error("No agent token: set BATON_TOKEN or run `npm start` once.");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { agentToken: string }).agentToken;
}

async function call(method: string, route: string, body?: unknown, contentType = "application/json"): Promise<unknown> {
  const response = await fetch(`${options.url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { "content-type": contentType }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text}`);
  console.log(`  ${method} ${route} → ${response.status}`);
  return text ? JSON.parse(text) : null;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, delayMs));

async function backfill() {
  console.log("Example 2: database migration with a 1M-record backfill");
  await call("PUT", "/tasks/user-preferences-backfill", { title: "Add user_preferences and backfill 1M users", playbook: "db-migration-backfill" });
  await call("POST", "/tasks/user-preferences-backfill/checkpoints", {
    summary: "Backup taken", phase: "backup", phaseStatus: "done", agent: "db-agent",
    done: ["pg_dump database > backup_pre_migration.sql"],
    verification: [
      { name: "pg_dump", status: "passed", command: "pg_dump database > backup_pre_migration.sql" },
      { name: "Backup is not empty", status: "passed", command: "test -s backup_pre_migration.sql" },
    ],
  });
  await pause();
  await call("POST", "/tasks/user-preferences-backfill/checkpoints", {
    summary: "Schema migration complete", phase: "schema-migration", phaseStatus: "done", agent: "db-agent",
    done: ["Tables created", "Indexes added"],
    verification: [
      { name: "prisma migrate deploy", status: "passed", command: "npx prisma migrate deploy" },
      { name: "prisma migrate status", status: "passed", command: "npx prisma migrate status" },
    ],
  });
  for (const current of [100_000, 250_000, 400_000, 550_000, 730_000]) {
    await pause();
    await call("POST", "/tasks/user-preferences-backfill/checkpoints", {
      summary: `Backfill at record ${current.toLocaleString("en")}`, phase: "backfill", agent: "db-agent",
      progress: { current, total: 1_000_000, unit: "records" }, resumeFrom: `record ${current}`,
      next: [`Modify backfill script to start at offset ${current}`, `Run remaining ${(1_000_000 - current).toLocaleString("en")} records`, "Verify foreign key constraints"],
      metrics: { recordsPerSec: 1700 + Math.round(Math.random() * 300), tokens: 4000 + current / 100, costUsd: Math.round(current / 20_000) / 100 },
    });
  }
}

async function terraform() {
  console.log("Example 3: infrastructure as code with a reviewed plan");
  await call("PUT", "/tasks/staging-infra", { title: "Provision staging infrastructure", playbook: "terraform-deploy" });
  await call("POST", "/tasks/staging-infra/checkpoints", {
    summary: "Configurations validated", phase: "validate", phaseStatus: "done", agent: "infra",
    verification: [
      { name: "terraform validate", status: "passed", command: "terraform validate" },
      { name: "tflint", status: "passed", command: "tflint" },
      { name: "checkov", status: "passed", command: "checkov -d ." },
    ],
  });
  await pause();
  const plan = [
    "Terraform will perform the following actions:",
    "",
    "  # aws_instance.web will be created",
    '  + resource "aws_instance" "web" {',
    '      + ami           = "ami-0c55b159cbfafe1f0"',
    '      + instance_type = "t3.small"',
    "    }",
    "",
    "  # aws_security_group.web will be updated in-place",
    '  ~ resource "aws_security_group" "web" {',
    '      ~ description = "old" -> "web traffic"',
    "    }",
    "",
    "  # aws_s3_bucket.legacy_logs will be destroyed",
    '  - resource "aws_s3_bucket" "legacy_logs" {',
    '      - bucket = "legacy-logs"',
    "    }",
    "",
    "Plan: 1 to add, 1 to change, 1 to destroy.",
  ].join("\n");
  await call("POST", "/tasks/staging-infra/checkpoints", {
    summary: "Plan written to plan.out", phase: "plan", phaseStatus: "done", agent: "infra",
    verification: [{ name: "terraform plan", status: "passed", command: "terraform plan -out=plan.out" }],
  });
  await call("POST", "/tasks/staging-infra/phases/apply/approvals", {
    title: "Apply staging plan", summary: "Creates the web instance and removes the legacy log bucket.",
    artifact: { name: "plan.out.txt", contentType: "text/x-terraform-plan", content: plan },
  });
}

async function buildPipeline() {
  console.log("Example 1: multi-stage React build");
  await call("PUT", "/tasks/storefront-release", { title: "Storefront release 2.4", playbook: "react-build-pipeline" });
  const note = [
    "=== CHECKPOINT: Phase 1 Complete ===",
    "- npm ci finished",
    "- Lint and type-check pass",
    "",
    "NEXT ACTIONS:",
    "- npm run build",
    "- Check bundle size limits",
    "",
    "DEPENDENCIES:",
    "- Node 20 on the build runner",
  ].join("\n");
  const phases = (await call("GET", "/tasks/storefront-release")) as { phases: { key: string }[] };
  await call("POST", `/tasks/storefront-release/checkpoints?phase=${phases.phases[0].key}`, note, "text/plain");
  await call("POST", "/tasks/storefront-release/blockers", { title: "Staging deploy key expired", kind: "access", owner: "platform team" });
}

async function splitBrain() {
  console.log("Split-brain delivery: infrastructure → application → testing");
  await call("PUT", "/tasks/checkout-service", { title: "Checkout service on Kubernetes", playbook: "split-brain-delivery" });
  const detail = (await call("GET", "/tasks/checkout-service")) as { phases: { key: string }[] };
  const [infra] = detail.phases;
  await call("POST", "/tasks/checkout-service/checkpoints", {
    summary: "Cluster and database provisioned", phase: infra.key, phaseStatus: "done", agent: "infra",
    verification: [
      { name: "cluster reachable", status: "passed", command: "kubectl get nodes" },
      { name: "terraform output", status: "passed", command: "terraform output" },
    ],
    done: ["Kubernetes cluster deployed in us-east-1", "PostgreSQL provisioned with connection pooling", "Redis cache configured", "Secrets in Vault with rotation"],
  });
  await call("POST", "/tasks/checkout-service/handoffs", {
    from: "infra", to: "app",
    complete: ["Kubernetes cluster deployed in us-east-1", "PostgreSQL database provisioned with connection pooling", "Redis cache instance configured", "All secrets stored in Vault with rotation policies"],
    needed: ["Connect using DATABASE_URL and REDIS_URL", "Initial schema migration scripts", "Health check endpoints at /health and /ready"],
    nextSteps: ["Run initial migration", "Seed with base data", "Deploy application pods", "Verify horizontal pod autoscaling"],
  });
}

async function main() {
  for (const scenario of [backfill, terraform, buildPipeline, splitBrain]) {
    await scenario();
    await pause();
  }
  console.log(`\nDone. Open ${options.url} to see the tasks.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
