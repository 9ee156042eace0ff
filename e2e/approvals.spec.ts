// The guide's Example 3 end to end: an agent asks for review of a terraform plan and long-polls;
// a person reads the plan in the browser and decides; the agent sees the decision and the gate opens (or not).
import { TERRAFORM_PLAN_FIXTURE } from "../lib/plan/fixtures";
import { TERRAFORM_JSON_PLAN_FIXTURE } from "../lib/plan/json-plan-fixture";
import { expect, recordNotifications, test, uniqueKey } from "./fixtures";

type Agent = Parameters<Parameters<typeof test>[2]>[0]["agent"];
type Approval = { id: string; status: string; comment: string | null; artifactSha256: string; url: string };

const CREATE_ONLY_PLAN = `Terraform will perform the following actions:

  # aws_instance.web will be created
  + resource "aws_instance" "web" {
      + ami           = "ami-0c55b159cbfafe1f0"
      + instance_type = "t3.micro"
    }

Plan: 1 to add, 0 to change, 0 to destroy.
`;

async function terraformTask(agent: Agent): Promise<string> {
  const key = uniqueKey("terraform");
  const put = await agent(`/api/v1/tasks/${key}`, {
    method: "PUT",
    json: { title: "Deploy the web tier", phases: [{ key: "plan", name: "terraform plan" }, { key: "apply", name: "terraform apply", requiresApproval: true }] },
  });
  expect(put.status).toBe(201);
  return key;
}

async function requestApproval(agent: Agent, key: string, content: string, extra: Record<string, unknown> = {}): Promise<Approval> {
  const response = await agent<Approval>(`/api/v1/tasks/${key}/phases/apply/approvals`, {
    json: { title: `Apply ${key}`, summary: "Reviewed by `tflint` and `checkov`.", artifact: { name: "plan.txt", content }, ...extra },
  });
  expect(response.status).toBe(201);
  return response.body;
}

test("a person approves a destructive terraform plan in the browser and the waiting agent may apply", async ({ agent, personPage: page }) => {
  const key = await terraformTask(agent);
  await recordNotifications(page);
  await page.goto("/approvals");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ })).toHaveAttribute("data-live", "true");

  const approval = await requestApproval(agent, key, TERRAFORM_PLAN_FIXTURE);
  let answeredAt = 0;
  let answeredAtWall = 0;
  const longPoll = agent<Approval & { decidedAt: string }>(`/api/v1/approvals/${approval.id}?wait=60`).then((response) => {
    answeredAt = performance.now();
    answeredAtWall = Date.now();
    return response;
  });

  const pending = page.getByRole("list", { name: "Pending approvals" });
  await expect(pending.getByRole("link", { name: new RegExp(`Apply ${key}`) })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toContain(`Approval requested: Apply ${key}`);
  await expect(page.getByRole("navigation", { name: "Main" }).getByLabel(/\d+ pending/)).toBeVisible();

  await pending.getByRole("link", { name: new RegExp(`Apply ${key}`) }).click();
  await expect(page).toHaveURL(new URL(approval.url).pathname);
  await expect(page.getByText("Plan: 2 to add, 1 to change, 2 to destroy.")).toBeVisible();
  const destructive = page.getByRole("note", { name: "Destructive changes" });
  await expect(destructive).toContainText("This plan destroys 2 resources");
  await expect(destructive).toContainText("aws_db_instance.main");
  await expect(page.getByRole("region", { name: "Created: 2" })).toContainText("aws_instance.web");

  await page.getByRole("searchbox", { name: "Search the plan" }).fill("engine_version");
  await expect(page.getByText("1 of 6 resources")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search the plan" }).fill("");

  await page.getByLabel(/^Comment/).fill("Replacement of the database is expected: maintenance window approved.");
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("This plan destroys 2 resources. Approve it anyway?");
  const decidedAt = performance.now();
  await page.getByRole("button", { name: "Yes, approve and destroy" }).click();

  const answer = await longPoll;
  console.log(
    `decision-to-agent latency: ${answeredAtWall - Date.parse(answer.body.decidedAt)} ms from the decision's commit to the agent holding the answer; ` +
      `${(answeredAt - decidedAt).toFixed(0)} ms from the confirm click`,
  );
  expect(answer.body).toMatchObject({ status: "approved", comment: "Replacement of the database is expected: maintenance window approved." });
  await expect(page.getByRole("region", { name: "Decision" })).toContainText("Approved by owner");

  const apply = await agent<{ status: string }>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } });
  expect(apply.status).toBe(200);
  expect(apply.body.status).toBe("active");
});

test("a terraform show -json plan reads like the text plan: grouped actions, attribute diffs, the summary and the destroy confirmation", async ({ agent, personPage: page }) => {
  const key = await terraformTask(agent);
  const approval = await requestApproval(agent, key, "", { artifact: { name: "plan.json", contentType: "application/json", content: TERRAFORM_JSON_PLAN_FIXTURE } });

  await page.goto(new URL(approval.url).pathname);
  await expect(page.getByText("Plan: 3 to add, 1 to change, 2 to destroy.")).toBeVisible();
  for (const [group, address] of [
    ["Created: 2", "aws_instance.web"],
    ["Updated in place: 1", "aws_security_group.web"],
    ["Replaced (destroyed, then created): 1", "aws_db_instance.main"],
    ["Destroyed: 1", "aws_s3_bucket.legacy_logs"],
    ["Read during apply: 1", "data.aws_iam_policy_document.assume"],
  ]) {
    await expect(page.getByRole("region", { name: group })).toContainText(address);
  }
  await expect(page.getByText("aws_vpc.main")).toHaveCount(0);
  const replaced = page.getByRole("region", { name: "Replaced (destroyed, then created): 1" });
  await expect(replaced).toContainText('~ engine_version = "13.7" -> "14.3" # forces replacement');
  await expect(replaced).toContainText("~ arn            = \"arn:aws:rds:eu-west-1:123456789012:db:baton-prod-db\" -> (known after apply)");
  const created = page.getByRole("region", { name: "Created: 2" });
  await expect(created).toContainText('+ tags["kubernetes.io/role"]       = "web"');
  await expect(created).toContainText("+ user_data                        = (sensitive value)");
  await expect(page.getByRole("region", { name: "Destroyed: 1" })).toContainText("(because aws_s3_bucket.legacy_logs is not in configuration)");
  await expect(page.getByRole("region", { name: "Changes to outputs" })).toContainText("+ web_ip = (known after apply)");
  await expect(page.locator("body")).not.toContainText("s3cr3t");
  const destructive = page.getByRole("note", { name: "Destructive changes" });
  await expect(destructive).toContainText("This plan destroys 2 resources");
  await expect(destructive).toContainText("aws_db_instance.main (replaced)");

  await page.getByRole("button", { name: "Show the plan JSON" }).click();
  await expect(page.getByText('"format_version": "1.2"')).toBeVisible();

  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("This plan destroys 2 resources. Approve it anyway?");
  await page.getByRole("button", { name: "Yes, approve and destroy" }).click();
  await expect(page.getByRole("region", { name: "Decision" })).toContainText("Approved by");
  expect((await agent<Approval>(`/api/v1/approvals/${approval.id}`)).body.status).toBe("approved");
});

test("a JSON artifact that is not a readable plan is shown as text with the reason", async ({ agent, personPage: page }) => {
  const key = await terraformTask(agent);
  const content = JSON.stringify({ format_version: "1.2", resource_changes: [{ address: "aws_instance.web", change: { actions: ["explode"] } }] });
  const approval = await requestApproval(agent, key, "", { artifact: { name: "plan.json", contentType: "application/json", content } });
  await page.goto(new URL(approval.url).pathname);
  await expect(page.getByRole("note", { name: "About this plan" })).toContainText("This JSON is not a Terraform plan Baton can read");
  await expect(page.getByText(content)).toBeVisible();
  await expect(page.getByRole("region", { name: /^Created/ })).toHaveCount(0);
});

test("a person rejects a plan on a phone and the agent gets the comment as its instruction", async ({ agent, personPage: page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const key = await terraformTask(agent);
  const approval = await requestApproval(agent, key, CREATE_ONLY_PLAN);
  const longPoll = agent<Approval>(`/api/v1/approvals/${approval.id}?wait=60`);

  await page.goto("/approvals");
  await page.getByRole("list", { name: "Pending approvals" }).getByRole("link", { name: new RegExp(`Apply ${key}`) }).click();
  await expect(page.getByText("Plan: 1 to add, 0 to change, 0 to destroy.")).toBeVisible();
  await expect(page.getByRole("note", { name: "Destructive changes" })).toHaveCount(0);
  const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noHorizontalScroll).toBe(true);

  await page.getByLabel(/^Comment/).fill("Use t3.small: t3.micro ran out of memory last time.");
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("region", { name: "Decision" })).toContainText("Rejected by owner");
  await expect(page.getByRole("region", { name: "Decision" })).toContainText("Use t3.small");

  const answer = await longPoll;
  expect(answer.body).toMatchObject({ status: "rejected", comment: "Use t3.small: t3.micro ran out of memory last time." });
  const apply = await agent<{ type: string }>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } });
  expect(apply.status).toBe(409);
  expect(apply.body.type).toMatch(/approval-required$/);
});

test("an approval nobody decides expires: the agent hears it and the page can no longer approve", async ({ agent, personPage: page }) => {
  const key = await terraformTask(agent);
  const approval = await requestApproval(agent, key, CREATE_ONLY_PLAN, { expiresInSeconds: 2 });
  const longPoll = agent<Approval>(`/api/v1/approvals/${approval.id}?wait=60`);

  await page.goto(new URL(approval.url).pathname);
  await expect(page.getByText("Plan: 1 to add, 0 to change, 0 to destroy.")).toBeVisible();

  const answer = await longPoll;
  expect(answer.body.status).toBe("expired");
  await expect(page.getByRole("region", { name: "Decision" })).toContainText("Expired");
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  const apply = await agent(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } });
  expect(apply.status).toBe(409);
});

test("the task page shows the pending gate with its plan and, once decided, the decision", async ({ agent, personPage: page }) => {
  const key = await terraformTask(agent);
  await page.goto(`/tasks/${key}`);
  const panel = page.getByRole("region", { name: "Approvals" });
  await expect(panel).toHaveCount(0);
  const approval = await requestApproval(agent, key, CREATE_ONLY_PLAN);
  await expect(panel.getByText("Plan: 1 to add, 0 to change, 0 to destroy.")).toBeVisible();
  await panel.getByLabel(/^Comment/).fill("Go ahead.");
  await panel.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(panel.getByRole("region", { name: "Decision" })).toContainText("Approved by owner");
  expect((await agent<Approval>(`/api/v1/approvals/${approval.id}`)).body.status).toBe("approved");
});
