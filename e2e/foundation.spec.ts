import { expect, test, uniqueKey } from "./fixtures";

test("a person without a session sees the login page and can log in with the admin token", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Log in to Baton" })).toBeVisible();
  await page.getByLabel("Admin token").fill(process.env.BATON_E2E_ADMIN_TOKEN!);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tasks", exact: true })).toBeVisible();
});

test("a wrong token is refused with a message", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Admin token").fill("baton_adm_wrong");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That token was not accepted." })).toBeVisible();
});

test("a task created through the API is listed, and a checkpoint posted through the API shows up live", async ({ personPage: page, agent }) => {
  const key = uniqueKey("deploy");
  await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Staging deploy", phases: [{ key: "build" }, { key: "deploy" }] } });
  await page.goto("/");
  const row = page.getByRole("link", { name: /Staging deploy/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole("heading", { level: 1, name: "Staging deploy", exact: true })).toBeVisible();
  await expect(page.getByText("live", { exact: true })).toBeVisible();

  const posted = await agent(`/api/v1/tasks/${key}/checkpoints`, {
    json: { summary: "Build artifacts created", phase: "build", phaseStatus: "done", next: ["Deploy to staging"] },
  });
  expect(posted.status).toBe(201);
  await expect(page.getByTestId("checkpoint-feed").getByText("Build artifacts created")).toBeVisible();
  await expect(page.getByTestId("task-percent")).toHaveText("50%");
});
