// Two reviewers end to end: an agent's gate needs two distinct people; alice and bob, each in their own
// browser, approve the same plan; "1 of 2" after the first, approved (and the agent's long-poll answered) after the second.
import { expect, invitedPersonPage, test, uniqueKey } from "./fixtures";

type Approval = { id: string; status: string; url: string; approvalsReceived: number; requiredApprovals: number; decidedBy: string | null };

const PLAN = `Terraform will perform the following actions:

  # aws_instance.web will be created
  + resource "aws_instance" "web" {
      + instance_type = "t3.micro"
    }

Plan: 1 to add, 0 to change, 0 to destroy.
`;

test("two people approve a two-reviewer gate in their own browsers: 1 of 2, then approved", async ({ agent, browser }) => {
  const key = uniqueKey("two-reviewers");
  const put = await agent(`/api/v1/tasks/${key}`, {
    method: "PUT",
    json: { title: "Deploy to production", phases: [{ key: "apply", name: "terraform apply", requiresApproval: true, requiredApprovals: 2 }] },
  });
  expect(put.status).toBe(201);
  const requested = await agent<Approval>(`/api/v1/tasks/${key}/phases/apply/approvals`, { json: { title: `Apply ${key}`, artifact: { name: "plan.txt", content: PLAN } } });
  expect(requested.status).toBe(201);
  const approval = requested.body;
  const longPoll = agent<Approval>(`/api/v1/approvals/${approval.id}?wait=60`);

  const [alice, bob] = await Promise.all([invitedPersonPage(browser, { name: "alice", role: "approver" }), invitedPersonPage(browser, { name: "bob", role: "approver" })]);
  const path = new URL(approval.url).pathname;
  await bob.goto(path);
  await expect(bob.getByRole("region", { name: "Reviewers" })).toContainText("0 of 2 approvals");

  await alice.goto(path);
  await expect(alice.getByText("Plan: 1 to add, 0 to change, 0 to destroy.")).toBeVisible();
  await alice.getByLabel(/^Comment/).fill("Instance size checked.");
  await alice.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(alice.getByText("You approved this request (1 of 2 approvals)")).toBeVisible();
  await expect(alice.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  const aliceReviewers = alice.getByRole("region", { name: "Reviewers" });
  await expect(aliceReviewers).toContainText("1 of 2 approvals");
  await expect(aliceReviewers.getByRole("list", { name: "Decisions" })).toContainText("You approved");

  // Bob's page follows live: alice's approval appears by name, and he may still decide.
  const bobReviewers = bob.getByRole("region", { name: "Reviewers" });
  await expect(bobReviewers).toContainText("1 of 2 approvals");
  await expect(bobReviewers.getByRole("list", { name: "Decisions" })).toContainText("alice approved");
  await expect(bobReviewers).toContainText("Instance size checked.");
  expect((await agent<Approval>(`/api/v1/approvals/${approval.id}`)).body).toMatchObject({ status: "pending", approvalsReceived: 1 });

  await bob.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(bob.getByRole("region", { name: "Decision" })).toContainText("Approved by bob");
  await expect(bobReviewers).toContainText("2 of 2 approvals");

  const answer = await longPoll;
  expect(answer.body).toMatchObject({ status: "approved", approvalsReceived: 2, requiredApprovals: 2, decidedBy: "person:bob" });
  await expect(alice.getByRole("region", { name: "Decision" })).toContainText("Approved by bob");

  await alice.goto(`/tasks/${key}`);
  const panel = alice.getByRole("region", { name: "Approvals" });
  await expect(panel.getByRole("region", { name: "Reviewers" })).toContainText("2 of 2 approvals");
  await expect(panel.getByRole("list", { name: "Decisions" })).toContainText("bob approved");
  expect((await agent(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } })).status).toBe(200);
  await Promise.all([alice.context().close(), bob.context().close()]);
});
