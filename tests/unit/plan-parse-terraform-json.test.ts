import { describe, expect, it } from "vitest";
import { TERRAFORM_PLAN_FIXTURE } from "@/lib/plan/fixtures";
import { TERRAFORM_JSON_PLAN_FIXTURE } from "@/lib/plan/json-plan-fixture";
import { parsePlan } from "@/lib/plan/parse-plan";
import { MAX_JSON_PLAN_RESOURCES } from "@/lib/plan/parse-terraform-json-plan";
import { NO_CHANGES_LINE, planSummary } from "@/lib/plan/plan-summary";

const json = (content: string) => parsePlan({ contentType: "application/json", content });

type Change = Record<string, unknown>;
function planWith(...changes: { address?: string; actions: string[]; change?: Change; extra?: Change }[]): string {
  return JSON.stringify({
    format_version: "1.2",
    terraform_version: "1.9.8",
    resource_changes: changes.map(({ address = "aws_instance.web", actions, change = {}, extra = {} }) => ({
      address,
      mode: "managed",
      type: address.split(".").at(-2),
      name: address.split(".").at(-1),
      provider_name: "registry.terraform.io/hashicorp/aws",
      change: { actions, before: null, after: null, after_unknown: {}, before_sensitive: false, after_sensitive: false, ...change },
      ...extra,
    })),
  });
}

function body(plan: ReturnType<typeof json>, address: string): string[] {
  const resource = plan.resources.find((r) => r.address === address);
  if (!resource) throw new Error(`no ${address} in ${plan.resources.map((r) => r.address).join(", ")}`);
  return resource.body.map((line) => line.trim().replace(/\s+/g, " "));
}

describe("the JSON plan of terraform show -json", () => {
  const plan = json(TERRAFORM_JSON_PLAN_FIXTURE);

  it("computes Terraform's summary line from resource_changes, a replacement counting as an add and a destroy", () => {
    expect(plan).toMatchObject({ format: "json", isTerraformPlan: true, notice: null, noChanges: false });
    expect(plan.summary).toEqual({ import: 0, add: 3, change: 1, destroy: 2 });
    expect(plan.summaryLine).toBe("Plan: 3 to add, 1 to change, 2 to destroy.");
    expect(planSummary({ contentType: "application/json", content: TERRAFORM_JSON_PLAN_FIXTURE })).toBe("Plan: 3 to add, 1 to change, 2 to destroy.");
  });

  it("lists every resource with its action in plan order, leaving out the unchanged one", () => {
    expect(plan.resources.map((r) => [r.address, r.action])).toEqual([
      ["data.aws_iam_policy_document.assume", "read"],
      ["aws_db_instance.main", "replace"],
      ["aws_instance.web", "create"],
      ["aws_s3_bucket.legacy_logs", "destroy"],
      ["aws_security_group.web", "update"],
      ['module.network.aws_subnet.private["eu-west-1a"]', "create"],
    ]);
    expect(plan.destructive.map((r) => [r.address, r.action])).toEqual([
      ["aws_db_instance.main", "replace"],
      ["aws_s3_bucket.legacy_logs", "destroy"],
    ]);
  });

  it("shows a replacement's changed attributes before → after, what forces it, what is known only after apply, and hides the rest", () => {
    expect(body(plan, "aws_db_instance.main")).toEqual([
      '-/+ resource "aws_db_instance" "main" {',
      '~ engine_version = "13.7" -> "14.3" # forces replacement',
      '~ arn = "arn:aws:rds:eu-west-1:123456789012:db:baton-prod-db" -> (known after apply)',
      '~ id = "baton-prod-db" -> (known after apply)',
      "# (6 unchanged attributes hidden)",
      "}",
    ]);
  });

  it("flattens nested values to dotted paths and masks sensitive ones without copying them anywhere", () => {
    const web = body(plan, "aws_instance.web");
    expect(web).toContain("+ root_block_device[0].volume_size = 20");
    expect(web).toContain("+ root_block_device[0].volume_id = (known after apply)");
    expect(web).toContain('+ tags.Name = "baton-web"');
    expect(web).toContain('+ tags["kubernetes.io/role"] = "web"');
    expect(web).toContain("+ user_data = (sensitive value)");
    expect(web).toContain("+ arn = (known after apply)");
    const everything = JSON.stringify(plan);
    expect(everything).not.toContain("s3cr3t");
    expect(everything).not.toContain("correct-horse");
  });

  it("shows in-place list and map changes element by element", () => {
    expect(body(plan, "aws_security_group.web")).toEqual([
      '~ resource "aws_security_group" "web" {',
      '+ ingress[1].cidr_blocks[0] = "10.0.0.0/16"',
      "+ ingress[1].from_port = 443",
      '+ ingress[1].protocol = "tcp"',
      "+ ingress[1].to_port = 443",
      '+ tags.Tier = "web"',
      "# (7 unchanged attributes hidden)",
      "}",
    ]);
  });

  it("shows a destroyed resource's attributes going to null, with Terraform's reason", () => {
    const legacy = plan.resources.find((r) => r.address === "aws_s3_bucket.legacy_logs")!;
    expect(legacy.reasons).toEqual(["(because aws_s3_bucket.legacy_logs is not in configuration)"]);
    expect(body(plan, "aws_s3_bucket.legacy_logs")).toContain('- bucket = "baton-legacy-logs" -> null');
    expect(plan.resources[0].reasons).toEqual(["(depends on a resource or a module with changes pending)"]);
  });

  it("lists the output changes and leaves unchanged outputs out", () => {
    expect(plan.outputChanges.map((line) => line.replace(/\s+/g, " "))).toEqual([
      '~ db_endpoint = "baton-prod-db.abc123.eu-west-1.rds.amazonaws.com:5432" -> (known after apply)',
      "+ web_ip = (known after apply)",
    ]);
  });
});

describe("JSON plan actions", () => {
  it("marks a create-before-destroy replacement +/- and a sensitive change as a change without its values", () => {
    const plan = json(
      planWith({
        actions: ["create", "delete"],
        change: {
          before: { password: "old-secret", size: 1 },
          after: { password: "new-secret", size: 1 },
          before_sensitive: { password: true },
          after_sensitive: { password: true },
          replace_paths: [["password"]],
        },
      }),
    );
    expect(plan.summaryLine).toBe("Plan: 1 to add, 0 to change, 1 to destroy.");
    expect(body(plan, "aws_instance.web")).toEqual([
      '+/- resource "aws_instance" "web" {',
      "~ password = (sensitive value) -> (sensitive value) # forces replacement",
      "# (1 unchanged attribute hidden)",
      "}",
    ]);
    expect(JSON.stringify(plan)).not.toContain("secret");
  });

  it("masks a whole sensitive block and counts moved and imported resources without other changes", () => {
    const plan = json(
      planWith(
        { address: "aws_iam_user.ci", actions: ["create"], change: { after: { tags: { a: "b" }, login: { token: "t0k3n" } }, after_sensitive: { login: true } } },
        { address: "aws_s3_bucket.new", actions: ["no-op"], change: { before: { id: "x" }, after: { id: "x" } }, extra: { previous_address: "aws_s3_bucket.old" } },
        { address: "aws_s3_bucket.found", actions: ["no-op"], change: { before: { id: "y" }, after: { id: "y" }, importing: { id: "found-bucket" } } },
        { address: "aws_s3_bucket.same", actions: ["no-op"], change: { before: { id: "z" }, after: { id: "z" } } },
      ),
    );
    expect(body(plan, "aws_iam_user.ci")).toContain("+ login = (sensitive value)");
    expect(JSON.stringify(plan)).not.toContain("t0k3n");
    expect(plan.resources.map((r) => [r.address, r.action, r.reasons])).toEqual([
      ["aws_iam_user.ci", "create", []],
      ["aws_s3_bucket.new", "move", ["(moved from aws_s3_bucket.old)"]],
      ["aws_s3_bucket.found", "import", ['(imported from "found-bucket")']],
    ]);
    expect(plan.summaryLine).toBe("Plan: 1 to import, 1 to add, 0 to change, 0 to destroy.");
  });

  it("reads a plan with nothing to do as no changes", () => {
    const content = planWith({ actions: ["no-op"], change: { before: { id: "a" }, after: { id: "a" } } });
    expect(json(content)).toMatchObject({ isTerraformPlan: true, noChanges: true, summary: null, summaryLine: null, resources: [] });
    expect(planSummary({ contentType: "application/json", content })).toBe(NO_CHANGES_LINE);
  });

  it("warns when Terraform marked the plan errored", () => {
    const plan = json(JSON.stringify({ ...JSON.parse(planWith({ actions: ["create"], change: { after: { a: 1 } } })), errored: true }));
    expect(plan.notice).toMatch(/errors while planning/);
    expect(plan.resources).toHaveLength(1);
  });
});

describe("artifacts that are not a readable JSON plan", () => {
  it("falls back to text with a clear notice for malformed JSON declared as JSON", () => {
    const plan = json('{"format_version": "1.2", "resource_changes": [');
    expect(plan).toMatchObject({ isTerraformPlan: false, resources: [], destructive: [] });
    expect(plan.notice).toMatch(/^The artifact is not valid JSON/);
  });

  it("names the first thing wrong in a plan of the wrong shape", () => {
    expect(json(planWith({ actions: ["explode"] })).notice).toBe(
      'This JSON is not a Terraform plan Baton can read (resource_changes[0].change.actions: unknown actions ["explode"]); it is shown as text.',
    );
    const noAddress = JSON.parse(planWith({ actions: ["create"] }));
    delete noAddress.resource_changes[0].address;
    expect(json(JSON.stringify(noAddress)).notice).toMatch(/\(resource_changes\[0\]\.address: /);
    expect(json(JSON.stringify({ format_version: "2.0", resource_changes: [] })).notice).toMatch(/format_version: must be a 1\.x format version/);
    expect(json(JSON.stringify({ format_version: "1.2", resource_changes: {} })).isTerraformPlan).toBe(false);
  });

  it("shows other JSON as text without a notice, and never mistakes it for a plan", () => {
    for (const content of ['{"name": "config"}', "[1, 2]", "null", '"text"', '{"format_version": "1.0", "values": {}}']) {
      expect(json(content)).toMatchObject({ isTerraformPlan: false, notice: null });
      expect(planSummary({ contentType: "application/json", content })).toBeNull();
    }
  });

  it("reads a JSON plan sent as text/plain, and a text plan as text", () => {
    expect(parsePlan({ contentType: "text/plain", content: TERRAFORM_JSON_PLAN_FIXTURE })).toMatchObject({ format: "json", summaryLine: "Plan: 3 to add, 1 to change, 2 to destroy." });
    expect(parsePlan({ contentType: "text/plain", content: TERRAFORM_PLAN_FIXTURE })).toMatchObject({ format: "text", summaryLine: "Plan: 2 to add, 1 to change, 2 to destroy." });
    expect(parsePlan({ contentType: "text/plain", content: '{"not": "a plan"}' })).toMatchObject({ format: "text", isTerraformPlan: false, notice: null });
    expect(planSummary({ contentType: "text/plain", content: TERRAFORM_PLAN_FIXTURE })).toBe("Plan: 2 to add, 1 to change, 2 to destroy.");
    expect(parsePlan({ contentType: "application/vnd.terraform.plan+json; charset=utf-8", content: TERRAFORM_JSON_PLAN_FIXTURE }).format).toBe("json");
  });

  it("keeps the summary and the destructive changes of a plan too large to show resource by resource", () => {
    const changes = Array.from({ length: MAX_JSON_PLAN_RESOURCES + 1 }, (_, i) => ({ address: `aws_instance.n${i}`, actions: i % 2 ? ["delete"] : ["create"], change: { before: i % 2 ? { id: i } : null, after: i % 2 ? null : { id: i } } }));
    const plan = json(planWith(...changes));
    expect(plan).toMatchObject({ isTerraformPlan: true, resources: [], outputChanges: [] });
    expect(plan.notice).toMatch(/too large to show resource by resource \(2,001 resource changes, more than 2,000\)/);
    expect(plan.summaryLine).toBe("Plan: 1001 to add, 0 to change, 1000 to destroy.");
    expect(plan.destructive).toHaveLength(1000);
  });

  it("gives up on a structured view, not the summary, when one resource holds too many attributes", () => {
    const wide = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i]));
    const plan = json(planWith({ actions: ["delete"], change: { before: wide } }));
    expect(plan.notice).toMatch(/more than 50,000 attributes/);
    expect(plan.summaryLine).toBe("Plan: 0 to add, 0 to change, 1 to destroy.");
    expect(plan.destructive.map((r) => r.address)).toEqual(["aws_instance.web"]);
  });

  it("survives nesting far deeper than a stack", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const content = planWith({ actions: ["create"], change: { after: { x: "DEEP" } } }).replace('"DEEP"', deep);
    const plan = json(content);
    expect(plan).toMatchObject({ isTerraformPlan: true, notice: null, summaryLine: "Plan: 1 to add, 0 to change, 0 to destroy." });
    expect(body(plan, "aws_instance.web")).toContain(`+ x${"[0]".repeat(31)} = (nested too deep to show)`);
  });
});
