// A team on one Baton: an admin invites people from the People page, each logs in with their own link in their
// own browser, sees who they are, and can do only what their role allows.
import { expect, invitedPersonPage, test, uniqueKey } from "./fixtures";

type Approval = { id: string; url: string; status: string; decidedBy: string | null };

const PLAN = `Terraform will perform the following actions:

  # aws_s3_bucket.logs will be created
  + resource "aws_s3_bucket" "logs" {
      + bucket = "team-logs"
    }

Plan: 1 to add, 0 to change, 0 to destroy.
`;

async function gateWaitingForApproval(agent: Parameters<Parameters<typeof test>[2]>[0]["agent"], prefix: string): Promise<Approval & { key: string }> {
  const key = uniqueKey(prefix);
  expect((await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: `Logs bucket ${key}`, phases: [{ key: "apply", requiresApproval: true }] } })).status).toBe(201);
  const requested = await agent<Approval>(`/api/v1/tasks/${key}/phases/apply/approvals`, { json: { title: `Apply ${key}`, artifact: { name: "plan.txt", content: PLAN } } });
  expect(requested.status).toBe(201);
  return { ...requested.body, key };
}

test("an admin invites alice as an approver; she logs in with her link in her own browser, sees her name, and approves", async ({ agent, browser, personPage: owner }) => {
  // Three browser contexts and a fresh server's first page loads: more than the default budget on a busy machine.
  test.setTimeout(180_000);
  const name = uniqueKey("alice");
  await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(owner.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await owner.getByLabel("Name", { exact: true }).fill(name);
  await owner.getByLabel("Display name (optional)").fill("Alice Example");
  await owner.getByLabel("Role", { exact: true }).selectOption("approver");
  await owner.getByRole("button", { name: "Invite" }).click();
  const link = owner.getByLabel(`Invite link for ${name}`);
  await expect(link).toContainText("/login?invite=");
  await expect(owner.getByRole("status").getByRole("button", { name: "Copy" })).toBeVisible();
  const inviteUrl = (await link.textContent())!.trim();
  const row = owner.getByRole("list", { name: "People" }).getByRole("listitem", { name: "Alice Example" });
  await expect(row).toContainText("invited, link expires");

  // Shown once: after a reload the page lists her but no longer holds the link.
  await owner.reload();
  await expect(row).toBeVisible();
  await expect(owner.getByText(inviteUrl)).toHaveCount(0);

  const approval = await gateWaitingForApproval(agent, "team-apply");
  const alice = await (await browser.newContext({ baseURL: process.env.BATON_E2E_URL })).newPage();
  await alice.goto(inviteUrl);
  await expect(alice).toHaveURL(/\/$/);
  const me = alice.getByTestId("current-person");
  await expect(me).toContainText("Alice Example");
  await expect(me).toContainText("approver");
  const nav = alice.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Approvals" })).toBeVisible();
  for (const adminOnly of ["People", "Tokens", "Webhooks"]) await expect(nav.getByRole("link", { name: adminOnly })).toHaveCount(0);

  await alice.goto(new URL(approval.url).pathname);
  await alice.getByLabel(/^Comment/).fill("Bucket name checked.");
  await alice.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(alice.getByRole("region", { name: "Decision" })).toContainText(`Approved by ${name}`);
  expect((await agent<Approval>(`/api/v1/approvals/${approval.id}`)).body).toMatchObject({ status: "approved", decidedBy: `person:${name}` });

  // The task's timeline names her beside the checkpoints.
  await owner.goto(`/tasks/${approval.key}`);
  const feed = owner.getByRole("region", { name: "Checkpoint feed, newest first" });
  await expect(feed.getByRole("article", { name: `${name} approved Apply ${approval.key}` })).toContainText("Bucket name checked.");

  // The link worked once; opened again it only explains itself.
  const again = await (await browser.newContext({ baseURL: process.env.BATON_E2E_URL })).newPage();
  await again.goto(inviteUrl);
  await expect(again.getByRole("alert").filter({ hasText: "invite" })).toContainText("This invite link was already used");
  await owner.goto("/people");
  await expect(row).toContainText("added");
  await Promise.all([alice.context().close(), again.context().close()]);
});

test("a viewer reads the approval and the question but sees no Approve button or answers, and People needs an admin", async ({ agent, browser }) => {
  const name = uniqueKey("victor");
  const approval = await gateWaitingForApproval(agent, "viewer-apply");
  const key = uniqueKey("viewer-question");
  await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Replica region" } });
  await agent(`/api/v1/tasks/${key}/blockers`, { json: { kind: "decision", title: "Region", question: `Which region for ${key}?`, options: ["eu-west-1", "us-east-1"] } });

  const viewer = await invitedPersonPage(browser, { name, role: "viewer", displayName: "Victor Viewer" });
  await expect(viewer.getByTestId("current-person")).toContainText("Victor Viewer");
  await expect(viewer.getByTestId("current-person")).toContainText("viewer");

  await viewer.goto(new URL(approval.url).pathname);
  await expect(viewer.getByText("Plan: 1 to add, 0 to change, 0 to destroy.")).toBeVisible();
  await expect(viewer.getByTestId("role-note")).toContainText("Only people with the approver role can decide approvals");
  await expect(viewer.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Reject", exact: true })).toHaveCount(0);

  await viewer.goto("/inbox");
  const question = viewer.getByRole("article", { name: `Which region for ${key}?` });
  await expect(question.getByTestId("role-note")).toContainText("answer questions");
  await expect(question.getByRole("button", { name: "eu-west-1" })).toHaveCount(0);

  for (const page of ["/people", "/tokens", "/settings"]) {
    await viewer.goto(page);
    await expect(viewer.getByRole("heading", { name: "Needs admin" })).toBeVisible();
  }
  await viewer.context().close();
});

test("an admin's role change and removal hold at once in the person's open browser", async ({ browser, personPage: owner }) => {
  const name = uniqueKey("rita");
  const person = await invitedPersonPage(browser, { name, role: "viewer", displayName: "Rita Reviewer" });
  await owner.goto("/people");
  const row = owner.getByRole("list", { name: "People" }).getByRole("listitem", { name: "Rita Reviewer" });
  await row.getByLabel("Role of Rita Reviewer").selectOption("admin");
  await expect(row.getByLabel("Role of Rita Reviewer")).toHaveValue("admin");

  await person.goto("/people");
  await expect(person.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await expect(person.getByTestId("current-person")).toContainText("admin");

  owner.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Remove Rita Reviewer" }).click();
  await expect(row).toHaveCount(0);
  await person.reload();
  await expect(person.getByRole("heading", { name: "Log in to Baton" })).toBeVisible();
  await person.context().close();
});
