// SPEC "Questions": an agent asks a person through the API and long-polls; the person answers in /inbox
// with one click on an option (or a free-text answer on a phone); the agent holds the answer at once.
import { expect, recordNotifications, screenshot, test, uniqueKey } from "./fixtures";

type Agent = Parameters<Parameters<typeof test>[2]>[0]["agent"];
type Question = { id: number; status: string; answer: string | null; answerComment: string | null; answeredBy: string | null };

const REGION = {
  kind: "decision",
  title: "Pick the replica region",
  question: "Which region should the read replica go to?",
  options: ["us-east-1", "eu-west-1", "ap-south-1"],
  recommended: "eu-west-1",
};

async function replicaTask(agent: Agent): Promise<string> {
  const key = uniqueKey("inbox");
  expect((await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Replica rollout", phases: [{ key: "provision" }] } })).status).toBe(201);
  return key;
}

async function ask(agent: Agent, key: string, body: Record<string, unknown>): Promise<Question> {
  const response = await agent<Question>(`/api/v1/tasks/${key}/blockers`, { json: body });
  expect(response.status).toBe(201);
  return response.body;
}

/** What the nav badge must show: every pending approval and open question on the server. */
async function waitingCount(agent: Agent): Promise<number> {
  const approvals = await agent<{ items: unknown[] }>("/api/v1/approvals?status=pending");
  const questions = await agent<{ items: unknown[] }>("/api/v1/questions?status=open");
  return approvals.body.items.length + questions.body.items.length;
}

test("a person answers an agent's question in the inbox with one click and the waiting agent gets the answer", async ({ agent, personPage: page }) => {
  const key = await replicaTask(agent);
  await recordNotifications(page);
  await page.goto("/inbox");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: /^Inbox/ })).toHaveAttribute("data-live", "true");

  const asked = await ask(agent, key, REGION);
  const longPoll = agent<Question>(`/api/v1/tasks/${key}/blockers/${asked.id}?wait=60`);

  const card = page.getByRole("list", { name: "Waiting for you" }).getByRole("article", { name: REGION.question });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Replica rollout");
  const answers = card.getByRole("group", { name: "Answers" });
  await expect(answers.getByRole("button")).toHaveText(["us-east-1", "eu-west-1recommended", "ap-south-1"]);
  await expect(answers.getByRole("button", { name: "eu-west-1" })).toHaveAttribute("data-recommended", "true");
  await expect(answers.getByRole("button", { name: "us-east-1" })).toHaveAttribute("data-recommended", "false");
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toContain(`Question: ${REGION.question}`);
  const waiting = await waitingCount(agent);
  await expect(nav.getByTestId("inbox-count")).toHaveText(String(waiting));
  await expect(nav.getByLabel(`${waiting} pending`)).toBeVisible();

  await card.getByLabel(/^Comment/).fill("Keep it next to the EU customers");
  await answers.getByRole("button", { name: "eu-west-1" }).click();

  const answer = await longPoll;
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ status: "resolved", answer: "eu-west-1", answerComment: "Keep it next to the EU customers", answeredBy: "person:owner" });
  await expect(card).toBeHidden();
  await expect(page.getByRole("list", { name: "Answered questions" }).getByRole("listitem").first()).toContainText("eu-west-1 — “Keep it next to the EU customers”");
  const after = await waitingCount(agent);
  expect(after).toBe(waiting - 1);
  if (after === 0) await expect(nav.getByTestId("inbox-count")).toBeHidden();
  else await expect(nav.getByTestId("inbox-count")).toHaveText(String(after));

  const brief = await agent<{ nextActions: string[] }>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
  expect(brief.body.nextActions[0]).toBe(`Proceed with the person's answer to “${REGION.question}”: eu-west-1 — Keep it next to the EU customers`);

  await page.goto(`/tasks/${key}`);
  const blocker = page.getByTestId("blocker").filter({ hasText: REGION.title });
  await expect(blocker).toContainText(`Asks a person: ${REGION.question}`);
  await expect(blocker).toContainText("Answered by owner: eu-west-1 — Keep it next to the EU customers");
});

test("a question without options is answered in free text on a 390 px phone, and the inbox lists approvals beside questions", async ({ agent, personPage: page }) => {
  const key = await replicaTask(agent);
  await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Replica rollout", phases: [{ key: "provision" }, { key: "cutover", requiresApproval: true }] } });
  const approval = await agent<{ id: string }>(`/api/v1/tasks/${key}/phases/cutover/approvals`, {
    json: { title: `Cut over ${key}`, artifact: { name: "cutover.md", content: "Switch reads to the replica." } },
  });
  expect(approval.status).toBe(201);
  const asked = await ask(agent, key, { kind: "decision", title: "Name the bucket", question: `What should the backup bucket of ${key} be called?` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/inbox");
  const list = page.getByRole("list", { name: "Waiting for you" });
  await expect(list.getByRole("link", { name: new RegExp(`Cut over ${key}`) })).toBeVisible();
  const card = list.getByRole("article", { name: `What should the backup bucket of ${key} be called?` });
  await expect(card).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "horizontal overflow on /inbox at 390 px").toBeLessThanOrEqual(0);
  await screenshot(page, "inbox-phone");
  const send = card.getByRole("button", { name: "Send answer" });
  const box = await send.boundingBox();
  expect(box!.height, "the answer button is a comfortable touch target").toBeGreaterThanOrEqual(44);

  await expect(send).toBeDisabled();
  await card.getByRole("textbox", { name: "Your answer", exact: true }).fill("orders-backups-2026");
  await send.click();
  await expect(card).toBeHidden();
  const answered = await agent<Question>(`/api/v1/tasks/${key}/blockers/${asked.id}`);
  expect(answered.body).toMatchObject({ status: "resolved", answer: "orders-backups-2026", answerComment: null });
});

for (const colorScheme of ["light", "dark"] as const) {
  // axe runs on every page in e2e/accessibility.spec.ts; this is the capture.
  test(`the inbox is captured in ${colorScheme} mode`, async ({ agent, personPage: page }) => {
    const key = await replicaTask(agent);
    await ask(agent, key, { ...REGION, question: `${REGION.question} (${colorScheme})` });
    await page.emulateMedia({ colorScheme });
    await page.goto("/inbox");
    await expect(page.getByRole("article", { name: `${REGION.question} (${colorScheme})` })).toBeVisible();
    await screenshot(page, `inbox-${colorScheme}`);
  });
}
