import { expect, screenshot, seedCheckpoints, test, uniqueKey } from "./fixtures";

type Agent = Parameters<Parameters<typeof test>[2]>[0]["agent"];

/** The guide's split-brain backfill: infra → app → testing, a gated apply, 73% through the records. */
async function seedBackfill(agent: Agent, key: string) {
  await agent(`/api/v1/tasks/${key}`, {
    method: "PUT",
    json: {
      title: "Orders backfill",
      description: "Backfill order totals into the new schema.",
      phases: [
        { key: "schema", name: "Schema change", agent: "infra", completionCriteria: ["Migration applied"], verification: [{ name: "migrate status", command: "prisma migrate status" }] },
        { key: "backfill", name: "Backfill", agent: "app", rollback: "Restore from the pre-backfill snapshot.", verification: [{ name: "row counts match" }] },
        { key: "apply", name: "Apply to production", agent: "testing", requiresApproval: true },
      ],
    },
  });
  await agent(`/api/v1/tasks/${key}/checkpoints`, {
    json: {
      summary: "Schema migrated",
      phase: "schema",
      phaseStatus: "done",
      agent: "infra",
      verification: [{ name: "migrate status", status: "passed", command: "prisma migrate status" }],
    },
  });
  await agent(`/api/v1/tasks/${key}/handoffs`, {
    json: { from: "infra", to: "app", complete: ["Schema migrated"], needed: ["Backfill order totals"], nextSteps: ["Run the backfill in batches of 10,000"] },
  });
  for (const current of [600_000, 665_000, 730_000]) {
    await agent(`/api/v1/tasks/${key}/checkpoints`, {
      json: {
        summary: `Backfilled ${current.toLocaleString("en")} records`,
        phase: "backfill",
        agent: "app",
        progress: { current, total: 1_000_000, unit: "records" },
        resumeFrom: `record ${current}`,
        next: [`Continue from record ${current}`],
        dependencies: ["orders table lock released"],
        metrics: { tokens: current / 100, costUsd: current / 1_000_000, recordsPerSec: 1840 },
        verification: [{ name: "row counts match", status: current === 730_000 ? "failed" : "passed" }],
      },
    });
  }
  const blocker = await agent<{ id: number }>(`/api/v1/tasks/${key}/blockers`, { json: { title: "Read replica lagging", kind: "resource", owner: "dba" } });
  await agent(`/api/v1/tasks/${key}/blockers/${blocker.body.id}`, { method: "PATCH", json: { status: "resolved", resolution: "Replica caught up" } });
  await agent(`/api/v1/tasks/${key}/blockers`, { json: { title: "Waiting for the DBA to raise the connection limit", kind: "access", owner: "dba" } });
}


test("the overview lists every task with status, progress, current phase and blockers called out, filters kept in the URL", async ({ personPage: page, agent }) => {
  const key = uniqueKey("backfill");
  await seedBackfill(agent, key);
  const quiet = uniqueKey("quiet");
  await agent(`/api/v1/tasks/${quiet}`, { method: "PUT", json: { title: "Quiet task", phases: [{ key: "one" }] } });

  await page.goto("/");
  // By its link, not its title: other specs on the same server seed tasks with the same title.
  const row = page.locator(`a[data-task-row][href="/tasks/${key}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Orders backfill");
  await expect(row).toContainText("blocked");
  await expect(row).toContainText("1 open blocker");
  await expect(row).toContainText("Backfill — 730,000 / 1,000,000 records · 73%");
  await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "57.7");
  await expect(row.locator("time")).toHaveAttribute("title", /\d{4}/);

  await page.getByRole("searchbox", { name: "Search tasks" }).fill("Orders back");
  await expect(page).toHaveURL(/[?&]q=Orders\+back/);
  await expect(page.getByRole("link", { name: /Quiet task/ })).toBeHidden();
  await expect(row).toBeVisible();

  await page.getByRole("link", { name: "pending", exact: true }).click();
  await expect(page).toHaveURL(/status=pending/);
  await expect(page.getByText("No task matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByRole("link", { name: /Quiet task/ })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search tasks" })).toHaveValue("");

  await page.goto(`/?status=blocked&q=${key}`);
  await expect(page.getByRole("link", { name: /Orders backfill/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "blocked", exact: true })).toHaveAttribute("aria-current", "page");
});

test("j and k move the focus through the task list and Enter opens the task", async ({ personPage: page, agent }) => {
  const first = uniqueKey("keys-a");
  const second = uniqueKey("keys-b");
  await agent(`/api/v1/tasks/${first}`, { method: "PUT", json: { title: "Keyboard first" } });
  await agent(`/api/v1/tasks/${second}`, { method: "PUT", json: { title: "Keyboard second" } });
  await page.goto(`/?q=keys-`);
  await expect(page.getByRole("link", { name: /Keyboard second/ })).toBeVisible();
  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: /Keyboard second/ })).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: /Keyboard first/ })).toBeFocused();
  await page.keyboard.press("k");
  await expect(page.getByRole("link", { name: /Keyboard second/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/tasks/${second}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard second", exact: true })).toBeVisible({ timeout: 20_000 });
});

test("the task page shows the header with ETA, phases with gates and results, lanes, handoffs, blockers, charts and the feed", async ({ personPage: page, agent }) => {
  const key = uniqueKey("backfill");
  await seedBackfill(agent, key);
  await page.goto(`/tasks/${key}`);

  await expect(page.getByRole("heading", { level: 1, name: "Orders backfill", exact: true })).toBeVisible();
  await expect(page.getByTestId("task-percent")).toHaveText("57.7%");
  await expect(page.getByTestId("live-indicator")).toHaveText("live");
  await expect(page.getByTestId("task-eta")).toHaveText(/^~.+ left at [\d,.]+ records\/(s|min|h)$/);

  const backfill = page.locator('[data-testid="phase-step"][data-phase="backfill"]');
  await expect(backfill).toContainText("730,000 / 1,000,000 records · 73%");
  await expect(backfill).toContainText("Resume at record 730000");
  await expect(backfill.getByRole("img", { name: "failed" })).toBeVisible();
  await backfill.getByText("Rollback").click();
  await expect(backfill).toContainText("Restore from the pre-backfill snapshot.");
  const schema = page.locator('[data-testid="phase-step"][data-phase="schema"]');
  await expect(schema).toContainText("Migration applied");
  await expect(schema.getByRole("img", { name: "passed" })).toBeVisible();
  await expect(page.locator('[data-testid="phase-step"][data-phase="apply"]')).toContainText("approval gate");

  await expect(page.getByTestId("lane")).toHaveCount(3);
  await expect(page.getByRole("group", { name: "Handoff from infra to app" })).toBeVisible();
  await expect(page.getByTestId("handoff")).toContainText("Run the backfill in batches of 10,000");

  await expect(page.locator('[data-testid="blocker"][data-status="open"]')).toContainText("Waiting for the DBA to raise the connection limit");
  await expect(page.locator('[data-testid="blocker"][data-status="resolved"]')).toContainText("Replica caught up");

  await expect(page.getByRole("img", { name: /^Burn-up chart of Backfill/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^recordsPerSec over time/ })).toBeVisible();

  const feed = page.getByTestId("checkpoint-feed");
  const newest = feed.getByTestId("feed-item").first();
  await expect(newest).toContainText("Backfilled 730,000 records");
  await expect(newest).toContainText("resume at record 730000");
  await expect(newest).toContainText("orders table lock released");
  await expect(feed.getByRole("article", { name: "Handoff from infra to app" })).toBeVisible();
  await expect(page.getByRole("link", { name: "progress.json" })).toHaveAttribute("href", `/api/v1/tasks/${key}/progress.json`);
  await expect(page.getByRole("heading", { name: "Resume brief", exact: true })).toBeVisible();
});

test("a checkpoint posted through the API appears on the open task page without a reload", async ({ personPage: page, agent }) => {
  const key = uniqueKey("live");
  await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Live feed", phases: [{ key: "work" }] } });
  await page.goto(`/tasks/${key}`);
  await expect(page.getByTestId("live-indicator")).toHaveText("live");
  await agent(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "First live checkpoint", phase: "work", progress: { current: 5, total: 10, unit: "files" } } });
  await expect(page.getByTestId("feed-item").first()).toContainText("First live checkpoint", { timeout: 15_000 });
  await expect(page.getByTestId("task-percent")).toHaveText("50%", { timeout: 15_000 });
  await agent(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "Second live checkpoint", phase: "work" } });
  await expect(page.getByTestId("feed-item").first()).toContainText("Second live checkpoint", { timeout: 15_000 });

  await page.goto("/");
  await expect(page.getByTestId("live-indicator")).toHaveText("live");
  await agent(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "Done", phase: "work", phaseStatus: "done" } });
  await expect(page.getByRole("link", { name: /Live feed/ })).toContainText("100%", { timeout: 15_000 });
});

test("script in a checkpoint's summary or markdown body is shown as text and never runs", async ({ personPage: page, agent }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const key = uniqueKey("xss");
  const summary = `<img src=x onerror=alert(1)> summary`;
  await agent(`/api/v1/tasks/${key}/checkpoints`, {
    json: {
      summary,
      body: "Body <script>alert(2)</script> and <img src=x onerror=alert(3)>\n\n[click me](javascript:alert(4))",
      next: ["<script>alert(5)</script>"],
    },
  });
  await page.goto(`/tasks/${key}`);
  const item = page.getByTestId("feed-item").first();
  await expect(item).toContainText(summary);
  await expect(item).toContainText("<script>alert(2)</script>");
  await expect(item).toContainText("<script>alert(5)</script>");
  await expect(item.locator("script, img")).toHaveCount(0);
  const link = item.getByText("click me");
  await expect(link).toBeVisible();
  expect((await link.getAttribute("href")) ?? "").not.toMatch(/javascript:/i);
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: key, exact: true })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("a task with 10,000 checkpoints opens on its newest item and keeps only a window of the feed in the DOM", async ({ personPage: page, agent }) => {
  const key = uniqueKey("big");
  await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Ten thousand checkpoints", phases: [{ key: "load" }] } });
  await seedCheckpoints(key, 10_000, "load");

  const started = Date.now();
  await page.goto(`/tasks/${key}`);
  const feed = page.getByTestId("checkpoint-feed");
  await expect(feed.getByTestId("feed-item").first()).toContainText("Seeded checkpoint 10000", { timeout: 30_000 });
  console.log(`10,000-checkpoint task page showed its newest item after ${Date.now() - started} ms`);

  await expect(page.getByText("10,000 total")).toBeVisible();
  expect(await feed.getByTestId("feed-item").count()).toBeLessThan(100);

  await feed.hover();
  for (let i = 0; i < 5; i += 1) await page.mouse.wheel(0, 20_000);
  await expect(feed.getByText(/Seeded checkpoint 9[0-8]\d\d/).first()).toBeVisible();
  expect(await feed.getByTestId("feed-item").count()).toBeLessThan(100);
});

for (const colorScheme of ["light", "dark"] as const) {
  // axe runs on every page in e2e/accessibility.spec.ts; these are the captures.
  test(`both pages are captured in ${colorScheme} mode`, async ({ personPage: page, agent }) => {
    // Two full-page captures: generous on a shared 2-core machine.
    test.setTimeout(180_000);
    const key = uniqueKey(`shots-${colorScheme}`);
    await seedBackfill(agent, key);
    await page.emulateMedia({ colorScheme });

    await page.goto("/");
    await expect(page.getByRole("link", { name: /Orders backfill/ }).first()).toBeVisible();
    await screenshot(page, `overview-${colorScheme}`);

    await page.goto(`/tasks/${key}`);
    await expect(page.getByTestId("feed-item").first()).toContainText("Backfilled 730,000 records");
    // Charts render at low priority (after the feed), so a loaded machine may take longer than the default wait.
    await expect(page.getByRole("img", { name: /^Burn-up chart/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("brief").or(page.getByText("The resume brief is not available"))).toBeVisible();
    await screenshot(page, `task-${colorScheme}`);
  });
}

test("both pages fit a 375 px phone screen without sideways scrolling", async ({ personPage: page, agent }) => {
  const key = uniqueKey("phone");
  await seedBackfill(agent, key);
  await page.setViewportSize({ width: 375, height: 812 });
  for (const url of ["/", `/tasks/${key}`]) {
    await page.goto(url);
    await expect(page.getByTestId("live-indicator")).toHaveText("live");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${url} at 375 px`).toBeLessThanOrEqual(0);
  }
  await expect(page.getByTestId("feed-item").first()).toContainText("Backfilled 730,000 records");
  await screenshot(page, "task-phone");
});
