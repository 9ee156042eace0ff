import { describe, expect, it } from "vitest";
import { countActions, parseTerraformPlan } from "@/lib/plan/parse-terraform-plan";
import { TERRAFORM_PLAN_FIXTURE } from "@/lib/plan/fixtures";

describe("parseTerraformPlan", () => {
  const plan = parseTerraformPlan(TERRAFORM_PLAN_FIXTURE);

  it("reads the summary line", () => {
    expect(plan.isTerraformPlan).toBe(true);
    expect(plan.summary).toEqual({ import: 0, add: 2, change: 1, destroy: 2 });
    expect(plan.summaryLine).toBe("Plan: 2 to add, 1 to change, 2 to destroy.");
    expect(plan.noChanges).toBe(false);
  });

  it("finds every resource with its action, in plan order", () => {
    expect(plan.resources.map((r) => [r.address, r.action])).toEqual([
      ["data.aws_iam_policy_document.assume", "read"],
      ["aws_db_instance.main", "replace"],
      ["aws_instance.web", "create"],
      ["aws_s3_bucket.legacy_logs", "destroy"],
      ["aws_security_group.web", "update"],
      ['module.network.aws_subnet.private["eu-west-1a"]', "create"],
    ]);
    expect(countActions(plan.resources)).toMatchObject({ create: 2, update: 1, replace: 1, destroy: 1, read: 1 });
  });

  it("calls out the destructive changes: destroys and replacements", () => {
    expect(plan.destructive.map((r) => r.address)).toEqual(["aws_db_instance.main", "aws_s3_bucket.legacy_logs"]);
  });

  it("keeps each resource's diff block whole, including blank lines inside it, and its reasons apart", () => {
    const web = plan.resources.find((r) => r.address === "aws_instance.web")!;
    expect(web.body[0]).toContain('+ resource "aws_instance" "web" {');
    expect(web.body).toContain("      + root_block_device {");
    expect(web.body.at(-1)).toBe("    }");
    const legacy = plan.resources.find((r) => r.address === "aws_s3_bucket.legacy_logs")!;
    expect(legacy.reasons).toEqual(["(because aws_s3_bucket.legacy_logs is not in configuration)"]);
    expect(legacy.body[0]).toContain('- resource "aws_s3_bucket" "legacy_logs" {');
    const subnet = plan.resources.at(-1)!;
    expect(subnet.body.at(-1)).toBe("    }");
    expect(subnet.line).toBeGreaterThan(web.line);
  });

  it("reads the output changes and stops at the separator", () => {
    expect(plan.outputChanges).toEqual([
      '~ db_endpoint = "baton-prod-db.abc123.eu-west-1.rds.amazonaws.com:5432" -> (known after apply)',
      "+ web_ip      = (known after apply)",
    ]);
  });

  it("understands coloured output, CRLF line ends and the import count of newer versions", () => {
    const text = "\u001b[1m  # aws_instance.imported\u001b[0m will be imported\r\n\r\n\u001b[1mPlan:\u001b[0m 1 to import, 0 to add, 0 to change, 0 to destroy.\r\n";
    const parsed = parseTerraformPlan(text);
    expect(parsed.summary).toEqual({ import: 1, add: 0, change: 0, destroy: 0 });
    expect(parsed.resources.map((r) => r.action)).toEqual(["import"]);
  });

  it("recognises a plan with no changes", () => {
    const parsed = parseTerraformPlan("No changes. Your infrastructure matches the configuration.\n");
    expect(parsed).toMatchObject({ isTerraformPlan: true, noChanges: true, summary: null, resources: [] });
  });

  it("does not mistake other text for a plan", () => {
    const parsed = parseTerraformPlan("--- a/schema.sql\n+++ b/schema.sql\n@@ -1 +1 @@\n-old\n+new\n");
    expect(parsed.isTerraformPlan).toBe(false);
  });
});
