// The procedures Baton ships with, written from the guide's examples. Installed into the Playbook
// table by install-builtin-playbooks.ts; a PUT cannot overwrite them.
import type { PlaybookInput } from "@/lib/schemas/playbook";

export const builtinPlaybooks: Record<string, PlaybookInput> = {
  "terraform-deploy": {
    name: "Terraform deploy",
    description: "Validate, plan, have a person review the plan, apply exactly that plan, verify.",
    phases: [
      {
        key: "validate",
        name: "Validate configuration",
        completionCriteria: ["terraform validate passes", "tflint reports no issues", "checkov reports no failed checks"],
        verification: [
          { name: "terraform validate", command: "terraform validate" },
          { name: "tflint", command: "tflint" },
          { name: "checkov", command: "checkov -d ." },
        ],
        rollback: "Nothing to roll back: validation changes no infrastructure. Fix the findings and validate again.",
      },
      {
        key: "plan",
        name: "Plan",
        completionCriteria: ["plan.out written", "The plan's add/change/destroy summary matches the intended change"],
        verification: [{ name: "terraform plan", command: "terraform plan -out=plan.out" }],
        rollback: "Delete plan.out; no infrastructure has changed.",
      },
      {
        key: "apply",
        name: "Apply the reviewed plan",
        // One reviewer (the default). A task raises it with `requiredApprovals` on its apply phase; writing 1 here
        // would lower a raised phase on every re-instantiation, which only a person may do (docs/APPROVALS.md).
        requiresApproval: true,
        completionCriteria: ["A person approved the plan artifact", "terraform apply plan.out finished without errors"],
        verification: [{ name: "terraform apply", command: "terraform apply plan.out" }],
        rollback:
          "Check out the last known-good configuration, run `terraform plan -out=rollback.out` and request approval for it before `terraform apply rollback.out`. After a partial apply, `terraform state list` shows what was created. Never run `terraform destroy` without an approved plan.",
      },
      {
        key: "verify",
        name: "Verify",
        completionCriteria: ["terraform output shows all resources", "Critical resources spot-checked by hand", "Integration tests pass"],
        verification: [
          { name: "terraform output", command: "terraform output" },
          { name: "Spot-check critical resources" },
          { name: "Integration tests", command: "npm run test:integration" },
        ],
        rollback: "Roll back as described in the apply phase, then verify again.",
      },
    ],
  },
  "db-migration-backfill": {
    name: "Database migration with data backfill",
    description: "Back up, migrate the schema, backfill in resumable batches with progress, verify constraints.",
    phases: [
      {
        key: "backup",
        name: "Back up the database",
        completionCriteria: ["backup_pre_migration.sql written and not empty"],
        verification: [
          { name: "pg_dump", command: "pg_dump database > backup_pre_migration.sql" },
          { name: "Backup is not empty", command: "test -s backup_pre_migration.sql" },
        ],
        rollback: "Nothing has changed yet.",
      },
      {
        key: "schema-migration",
        name: "Schema migration",
        completionCriteria: ["Tables created, indexes added", "No pending migrations"],
        verification: [
          { name: "prisma migrate deploy", command: "npx prisma migrate deploy" },
          { name: "prisma migrate status", command: "npx prisma migrate status" },
        ],
        rollback: "Restore the backup: `psql database < backup_pre_migration.sql`.",
      },
      {
        key: "backfill",
        name: "Backfill new columns",
        completionCriteria: [
          "Every record backfilled (progress current = total, unit records)",
          "Each checkpoint reports progress and resumeFrom (e.g. record 730000)",
        ],
        verification: [{ name: "No rows left to backfill", command: "psql database -c \"SELECT count(*) FROM <table> WHERE <new_column> IS NULL\"" }],
        rollback:
          "The backfill is resumable: restart the script at the last checkpoint's resumeFrom offset and run the remaining records. To undo it entirely, restore backup_pre_migration.sql.",
      },
      {
        key: "verify-constraints",
        name: "Verify foreign key constraints",
        completionCriteria: ["All foreign key constraints validate", "Row counts match the pre-migration counts"],
        verification: [{ name: "Foreign key constraints", command: "psql database -c \"ALTER TABLE <table> VALIDATE CONSTRAINT <constraint>\"" }],
        rollback: "Restore backup_pre_migration.sql and rerun from the schema migration.",
      },
    ],
  },
  "react-build-pipeline": {
    name: "React build pipeline",
    description: "Install, lint and type-check, build, end-to-end tests, deploy to staging.",
    phases: [
      {
        key: "install",
        name: "Install, lint and type-check",
        completionCriteria: ["All linting passes", "No type errors"],
        verification: [
          { name: "npm ci", command: "npm ci" },
          { name: "lint", command: "npm run lint" },
          { name: "type-check", command: "npm run type-check" },
        ],
        rollback: "Nothing is deployed; fix the reported errors and run the phase again.",
      },
      {
        key: "build",
        name: "Build",
        completionCriteria: ["Build artifacts created", "Bundle size within limits"],
        verification: [{ name: "build", command: "npm run build" }],
        rollback: "Discard the build output; nothing is deployed.",
      },
      {
        key: "e2e",
        name: "End-to-end tests",
        completionCriteria: ["Critical paths pass"],
        verification: [{ name: "e2e", command: "npm run test:e2e" }],
        rollback: "Nothing is deployed; fix the failing paths and build again.",
      },
      {
        key: "deploy-staging",
        name: "Deploy to staging",
        completionCriteria: ["Health endpoint responds", "Smoke tests pass"],
        verification: [
          { name: "deploy", command: "npm run deploy:staging" },
          { name: "health", command: "curl -fsS \"$STAGING_URL/health\"" },
          { name: "smoke tests", command: "npm run test:smoke" },
        ],
        rollback: "Redeploy the previous staging release.",
      },
    ],
  },
  "split-brain-delivery": {
    name: "Split-brain delivery (infra → app → testing)",
    description:
      "Three specialist agents in lanes; each ends its phase with a handoff (What's Complete / What's Needed / Next Steps) to the next.",
    phases: [
      {
        key: "infra",
        name: "Infrastructure (Terraform, Kubernetes)",
        agent: "infra",
        completionCriteria: [
          "Cluster deployed",
          "Database provisioned with connection pooling",
          "Cache configured",
          "Secrets stored in the vault with rotation policies",
          "Handoff to app written",
        ],
        verification: [
          { name: "cluster reachable", command: "kubectl get nodes" },
          { name: "terraform output", command: "terraform output" },
        ],
        rollback: "Request approval for a plan that removes the new stack, then apply it.",
      },
      {
        key: "app",
        name: "Application (business logic, APIs)",
        agent: "app",
        completionCriteria: [
          "Initial migration run",
          "Base data seeded",
          "Application pods deployed",
          "Health endpoints /health and /ready respond",
          "Handoff to testing written",
        ],
        verification: [
          { name: "migrations applied", command: "npx prisma migrate status" },
          { name: "pods rolled out", command: "kubectl rollout status deployment/app" },
          { name: "health", command: "curl -fsS \"$APP_URL/health\"" },
          { name: "ready", command: "curl -fsS \"$APP_URL/ready\"" },
        ],
        rollback: "`kubectl rollout undo deployment/app`; restore the database backup if a migration ran.",
      },
      {
        key: "testing",
        name: "Testing and validation (integration tests, security scanning)",
        agent: "testing",
        completionCriteria: ["Integration tests pass", "Security scan has no high findings", "Horizontal pod autoscaling verified"],
        verification: [
          { name: "integration tests", command: "npm run test:integration" },
          { name: "security scan", command: "npm audit --audit-level=high" },
          { name: "autoscaling", command: "kubectl get hpa" },
        ],
        rollback: "Nothing to roll back; report failures as blockers for the app or infra lane.",
      },
    ],
  },
};
