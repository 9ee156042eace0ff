// People manage who may talk to Baton (agent tokens) and who hears about gates (webhooks) from the browser.
import { expect, test, uniqueKey } from "./fixtures";

test("a person creates an agent token, sees it once, and revokes it", async ({ agent, personPage: page }) => {
  const name = `runner ${uniqueKey("token")}`;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tokens" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByLabel("New token").textContent())!.trim();
  expect(secret).toMatch(/^baton_agt_/);
  expect((await agent(`/api/v1/tasks`, { token: secret })).status).toBe(200);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("list", { name: "Tokens" }).getByRole("listitem").filter({ hasText: name })).toContainText("revoked");
  expect((await agent(`/api/v1/tasks`, { token: secret })).status).toBe(401);
});

test("a person adds a webhook and reads its delivery log", async ({ agent, personPage: page }) => {
  await page.goto("/settings");
  // Nothing listens on port 9 (discard): the delivery fails and shows up as retrying.
  const url = `http://127.0.0.1:9/${uniqueKey("hook")}`;
  await page.getByLabel("Payload URL").fill(url);
  await page.getByLabel(/^Secret/).fill("a-long-enough-webhook-secret");
  await page.getByRole("button", { name: "Add webhook" }).click();
  const panel = page.getByRole("region", { name: url });
  await expect(panel).toContainText("No deliveries yet.");

  const key = uniqueKey("hooked");
  await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Hooked", phases: [{ key: "apply", requiresApproval: true }] } });
  await agent(`/api/v1/tasks/${key}/phases/apply/approvals`, { json: { title: "Apply", artifact: { name: "plan.txt", content: "Plan: 0 to add, 0 to change, 0 to destroy." } } });
  const row = panel.getByRole("table", { name: "Deliveries" }).getByRole("row").filter({ hasText: "approval.requested" });
  await expect(row).toContainText("retrying");
});
