// axe on every page of the dashboard, in light and dark, with what a person really sees: a task with a brief whose
// completion criteria are a task list, charts, a handoff and a blocker; pending approvals with a JSON and a text plan
// (and the destroy confirmation open); a question in the inbox; a webhook with a failed delivery; agent tokens; the
// people page with a fresh invite link; what a viewer sees; the login page. Every axe rule, every impact: nothing is
// disabled.
import { TERRAFORM_PLAN_FIXTURE } from "../lib/plan/fixtures";
import { TERRAFORM_JSON_PLAN_FIXTURE } from "../lib/plan/json-plan-fixture";
import { client } from "../tests/support/http";
import { invite } from "../tests/support/person";
import { expect, expectNoA11yViolations, invitedPersonPage, test, uniqueKey } from "./fixtures";
import type { Page } from "@playwright/test";

type Agent = ReturnType<typeof client>;
type World = { key: string; jsonApprovalId: string; question: string; approver: string };

const QUESTION = "Which window should the production cut-over use?";

async function ok<T>(response: Promise<{ status: number; body: T; text: string }>, status: number): Promise<T> {
  const settled = await response;
  expect(settled.status, settled.text).toBe(status);
  return settled.body;
}

async function seedWorld(agent: Agent, admin: Agent): Promise<World> {
  const key = uniqueKey("a11y");
  await ok(
    agent(`/api/v1/tasks/${key}`, {
      method: "PUT",
      json: {
        title: "Orders backfill",
        description: "Backfill order totals into the new schema, then cut over.",
        notes: "## Runbook\n\n- [x] Snapshot taken\n- [ ] DBA on call\n\nSee `docs/backfill.md`.",
        phases: [
          { key: "schema", name: "Schema change", agent: "infra", completionCriteria: ["Migration applied", "Indexes built"], verification: [{ name: "migrate status", command: "prisma migrate status" }] },
          { key: "backfill", name: "Backfill", agent: "app", completionCriteria: ["All 1,000,000 rows copied", "Row counts match"], rollback: "Restore from the pre-backfill snapshot.", verification: [{ name: "row counts match" }] },
          { key: "apply", name: "Apply to production", agent: "infra", requiresApproval: true, completionCriteria: ["terraform apply succeeded"] },
        ],
      },
    }),
    201,
  );
  await ok(agent(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "Schema migrated", phase: "schema", phaseStatus: "done", agent: "infra", verification: [{ name: "migrate status", status: "passed" }] } }), 201);
  await ok(agent(`/api/v1/tasks/${key}/handoffs`, { json: { from: "infra", to: "app", complete: ["Schema migrated"], needed: ["Backfill order totals"], nextSteps: ["Run the backfill in batches of 10,000"] } }), 201);
  for (const current of [600_000, 665_000, 730_000]) {
    await ok(
      agent(`/api/v1/tasks/${key}/checkpoints`, {
        json: {
          summary: `Backfilled ${current.toLocaleString("en")} records`,
          body: "- [x] batch committed\n- [ ] replica caught up",
          phase: "backfill",
          agent: "app",
          progress: { current, total: 1_000_000, unit: "records" },
          resumeFrom: `record ${current}`,
          next: [`Continue from record ${current}`],
          dependencies: ["orders table lock released"],
          metrics: { tokens: current / 100, costUsd: current / 1_000_000, recordsPerSec: 1840 },
          verification: [{ name: "row counts match", status: current === 730_000 ? "failed" : "passed" }],
        },
      }),
      201,
    );
  }
  await ok(agent(`/api/v1/tasks/${key}/blockers`, { json: { title: "Waiting for the DBA to raise the connection limit", kind: "access", owner: "dba" } }), 201);
  await ok(agent(`/api/v1/tasks/${key}/blockers`, { json: { kind: "decision", title: "Cut-over window", question: QUESTION, options: ["tonight 22:00", "Saturday 06:00"], recommended: "Saturday 06:00" } }), 201);
  const json = await ok<{ id: string }>(
    agent(`/api/v1/tasks/${key}/phases/apply/approvals`, {
      json: { title: "Apply the production plan", summary: "Reviewed by `tflint`; replaces the **database**.", artifact: { name: "plan.json", contentType: "application/json", content: TERRAFORM_JSON_PLAN_FIXTURE } },
    }),
    201,
  );

  const other = uniqueKey("a11y-web");
  await ok(agent(`/api/v1/tasks/${other}`, { method: "PUT", json: { title: "Web tier rollout", phases: [{ key: "apply", name: "terraform apply", requiresApproval: true }] } }), 201);
  await ok(agent(`/api/v1/tasks/${other}/phases/apply/approvals`, { json: { title: "Apply the web tier", artifact: { name: "plan.txt", content: TERRAFORM_PLAN_FIXTURE } } }), 201);

  await ok(admin("/api/v1/webhooks", { json: { url: `http://127.0.0.1:9/baton-hook/${key}`, events: ["approval.requested", "blocker.opened"], secret: "a11y-webhook-secret-0123" } }), 201);
  await ok(admin("/api/v1/tokens", { json: { name: `ci-${key}` } }), 201);
  const approver = `Alice ${key}`;
  const joined = await invite(process.env.BATON_E2E_URL!, process.env.BATON_E2E_ADMIN_TOKEN!, { role: "approver", name: uniqueKey("alice"), displayName: approver });
  expect((await fetch(joined.inviteUrl, { redirect: "manual" })).status).toBe(303);
  await invite(process.env.BATON_E2E_URL!, process.env.BATON_E2E_ADMIN_TOKEN!, { role: "viewer", name: uniqueKey("victor"), displayName: `Victor ${key}` });
  return { key, jsonApprovalId: json.id, question: QUESTION, approver };
}

let world: Promise<World> | undefined;
const seeded = (agent: Agent) => (world ??= seedWorld(agent, client(process.env.BATON_E2E_URL!, process.env.BATON_E2E_ADMIN_TOKEN!)));

type Check = { name: string; open: (page: Page, world: World) => Promise<void> };

const PAGES: Check[] = [
  {
    name: "the task list",
    open: async (page) => {
      await page.goto("/");
      await expect(page.getByRole("link", { name: /Orders backfill/ }).first()).toBeVisible();
      await expect(page.getByTestId("live-indicator")).toHaveText("live");
    },
  },
  {
    name: "the task page",
    open: async (page, { key }) => {
      await page.goto(`/tasks/${key}`);
      await expect(page.getByTestId("feed-item").first()).toContainText("Backfilled 730,000 records");
      await expect(page.getByRole("img", { name: /^Burn-up chart/ })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("brief").getByRole("checkbox", { name: "All 1,000,000 rows copied" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Approvals" }).getByText("Plan: 3 to add, 1 to change, 2 to destroy.")).toBeVisible();
    },
  },
  {
    name: "the approvals list",
    open: async (page) => {
      await page.goto("/approvals");
      await expect(page.getByRole("list", { name: "Pending approvals" }).getByRole("link", { name: /Apply the production plan/ }).first()).toBeVisible();
    },
  },
  {
    name: "the approval page with a JSON plan",
    open: async (page, { jsonApprovalId }) => {
      await page.goto(`/approvals/${jsonApprovalId}`);
      await expect(page.getByText("Plan: 3 to add, 1 to change, 2 to destroy.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Replaced (destroyed, then created): 1" })).toContainText("# forces replacement");
    },
  },
  {
    name: "the destroy confirmation",
    open: async (page, { jsonApprovalId }) => {
      await page.goto(`/approvals/${jsonApprovalId}`);
      await page.getByRole("button", { name: "Approve", exact: true }).click();
      await expect(page.getByRole("alertdialog")).toContainText("Approve it anyway?");
    },
  },
  {
    name: "the approval page with a text plan",
    open: async (page) => {
      await page.goto("/approvals");
      await page.getByRole("list", { name: "Pending approvals" }).getByRole("link", { name: /Apply the web tier/ }).first().click();
      await expect(page.getByText("Plan: 2 to add, 1 to change, 2 to destroy.")).toBeVisible();
    },
  },
  {
    name: "the inbox",
    open: async (page, { question }) => {
      await page.goto("/inbox");
      await expect(page.getByRole("article", { name: question }).first()).toBeVisible();
      await expect(page.getByTestId("inbox-count")).toBeVisible();
    },
  },
  {
    name: "the webhooks page",
    open: async (page, { key }) => {
      await page.goto("/settings");
      await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
      await expect(page.getByRole("region", { name: `http://127.0.0.1:9/baton-hook/${key}` })).toContainText("approval.requested");
    },
  },
  {
    name: "the tokens page",
    open: async (page, { key }) => {
      await page.goto("/tokens");
      await expect(page.getByRole("list", { name: "Tokens" })).toContainText(`ci-${key}`);
    },
  },
  {
    name: "the people page with a fresh invite link",
    open: async (page, { approver }) => {
      await page.goto("/people");
      await expect(page.getByRole("list", { name: "People" })).toContainText(approver);
      await page.getByLabel("Name", { exact: true }).fill(uniqueKey("dana"));
      await page.getByRole("button", { name: "Invite", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "Send this link to" })).toBeVisible();
    },
  },
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });
    // A full axe run on the task page (charts, feed, brief) is slow on a shared 2-core machine.
    test.describe.configure({ timeout: 120_000 });

    for (const check of PAGES) {
      test(`${check.name} passes every axe rule`, async ({ agent, personPage: page }) => {
        const current = await seeded(agent);
        await check.open(page, current);
        // The header's inbox badge counts the seeded approvals and question on every page.
        await expect(page.getByTestId("inbox-count")).toBeVisible();
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
        await expectNoA11yViolations(page);
      });
    }

    test("a viewer's approval page and a page that needs another role pass every axe rule", async ({ agent, browser }) => {
      const { jsonApprovalId } = await seeded(agent);
      const page = await invitedPersonPage(browser, { name: uniqueKey("viewer"), role: "viewer" });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/approvals/${jsonApprovalId}`);
      await expect(page.getByText("Plan: 3 to add, 1 to change, 2 to destroy.")).toBeVisible();
      await expect(page.getByTestId("inbox-count")).toBeVisible();
      await expectNoA11yViolations(page);
      await page.goto("/people");
      await expect(page.getByRole("heading", { name: "Needs admin" })).toBeVisible();
      await expectNoA11yViolations(page);
      await page.context().close();
    });

    test("the login page passes every axe rule, also after a failed login", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { name: "Log in to Baton" })).toBeVisible();
      await expectNoA11yViolations(page);
      await page.goto("/?login=invalid");
      await expect(page.getByRole("heading", { name: "Log in to Baton" })).toBeVisible();
      await expectNoA11yViolations(page);
    });
  });
}
