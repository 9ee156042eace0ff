// The overview at fleet scale: 10,000 tasks paged from the server, a window of rows in the DOM.
import { test, expect, uniqueKey } from "./fixtures";

const TASKS = 10_000;

test("the overview pages 10,000 tasks from the server: a window of rows in the DOM, j/k across pages, server-side filters, live updates", async ({ personPage: page, agent }) => {
  test.setTimeout(240_000);
  const prefix = uniqueKey("fleet");
  const keyOf = (n: number) => `${prefix}-${String(n).padStart(5, "0")}`;
  for (let start = 0; start < TASKS; start += 1000) {
    const operations = Array.from({ length: 1000 }, (_, i) => ({ op: "checkpoint", task: keyOf(start + i), body: { summary: "started" } }));
    expect((await agent("/api/v1/batch", { json: { operations } })).status).toBe(207);
  }

  await page.goto(`/?q=${prefix}`);
  const rows = page.locator("[data-task-row]");
  // Newest activity first: the last task written is on top.
  await expect(rows.first()).toContainText(keyOf(TASKS - 1));
  expect(await rows.count()).toBeLessThan(60);

  // j walks past the first page (100 tasks): the next page is fetched and the row focused.
  for (let i = 0; i < 130; i++) await page.keyboard.press("j");
  await expect(page.locator(":focus")).toContainText(keyOf(TASKS - 130));
  await page.keyboard.press("k");
  await expect(page.locator(":focus")).toContainText(keyOf(TASKS - 129));
  expect(await rows.count()).toBeLessThan(60);

  // A task far down the list gets a checkpoint: it moves to the top without a reload.
  await page.evaluate(() => window.scrollTo(0, 0));
  expect((await agent(`/api/v1/tasks/${keyOf(3)}/checkpoints`, { json: { summary: "back at work" } })).status).toBe(201);
  await expect(rows.first()).toContainText(keyOf(3));

  // The status filter runs on the server: the one blocked task is found among 10,000.
  expect((await agent(`/api/v1/tasks/${keyOf(7)}/blockers`, { json: { title: "Needs a decision" } })).status).toBe(201);
  await page.getByRole("link", { name: "blocked", exact: true }).click();
  await expect(page).toHaveURL(/status=blocked/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(keyOf(7));
});
