// The phase stepper shows the gate state the server computed; it never guesses from the phase status.
import type { Page } from "@playwright/test";
import { expect, test, uniqueKey } from "./fixtures";

type Approval = { id: string; artifactSha256: string };

/** A person approves from the dashboard's own origin with the browser's session cookie. */
async function approveAsPerson(page: Page, approval: Approval) {
  const response = await page.request.post(`/api/v1/approvals/${approval.id}/decision`, {
    headers: { origin: process.env.BATON_E2E_URL! },
    data: { decision: "approve", artifactSha256: approval.artifactSha256 },
  });
  expect(response.status()).toBe(200);
}

test("the stepper shows an approved-then-done phase as 'approval used' and a skipped gated phase without 'gate approved'", async ({ agent, personPage: page }) => {
  const key = uniqueKey("gates");
  const put = await agent(`/api/v1/tasks/${key}`, {
    method: "PUT",
    json: { title: "Gated deploy", phases: [{ key: "plan" }, { key: "apply", requiresApproval: true }, { key: "smoke", requiresApproval: true }] },
  });
  expect(put.status).toBe(201);
  const requested = await agent<Approval>(`/api/v1/tasks/${key}/phases/apply/approvals`, {
    json: { title: "Apply the plan", artifact: { name: "plan.txt", content: "Plan: 1 to add, 0 to change, 0 to destroy." } },
  });
  expect(requested.status).toBe(201);
  await approveAsPerson(page, requested.body);
  expect((await agent(`/api/v1/tasks/${key}/phases/smoke`, { method: "PATCH", json: { status: "skipped" } })).status).toBe(200);

  await page.goto(`/tasks/${key}`);
  await expect(page.getByTestId("live-indicator")).toHaveText("live");
  const applyGate = page.locator('[data-testid="phase-step"][data-phase="apply"] [data-testid="phase-gate"]');
  const smoke = page.locator('[data-testid="phase-step"][data-phase="smoke"]');
  await expect(applyGate).toHaveAttribute("data-gate", "approved");
  await expect(applyGate).toHaveText("gate approved");
  await expect(smoke.getByTestId("phase-gate")).toHaveAttribute("data-gate", "required");
  await expect(smoke).toContainText("approval gate");
  await expect(smoke).not.toContainText("gate approved");
  await expect(page.locator('[data-testid="phase-step"][data-phase="plan"] [data-testid="phase-gate"]')).toHaveCount(0);

  // The agent uses the approval; the page follows live.
  expect((await agent(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } })).status).toBe(200);
  expect((await agent(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "done" } })).status).toBe(200);
  await expect(applyGate).toHaveAttribute("data-gate", "consumed");
  await expect(applyGate).toHaveText("approval used");
  await expect(page.locator('[data-testid="phase-step"][data-phase="apply"]')).not.toContainText("needs approval");
});
