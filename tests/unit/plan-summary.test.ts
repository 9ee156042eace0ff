import { describe, expect, it } from "vitest";
import { NO_CHANGES_LINE, planSummary } from "@/lib/plan/plan-summary";
import { TERRAFORM_PLAN_FIXTURE } from "@/lib/plan/fixtures";

describe("planSummary", () => {
  it("gives the summary line of a text plan", () => {
    expect(planSummary({ contentType: "text/plain", content: TERRAFORM_PLAN_FIXTURE })).toBe("Plan: 2 to add, 1 to change, 2 to destroy.");
  });

  it("says so when the plan has no changes", () => {
    expect(planSummary({ contentType: "text/plain", content: "No changes. Your infrastructure matches the configuration.\n" })).toBe(NO_CHANGES_LINE);
  });

  it("is null for an artifact that is not a terraform plan", () => {
    expect(planSummary({ contentType: "text/x-diff", content: "--- a/schema.sql\n+++ b/schema.sql\n-old\n+new\n" })).toBeNull();
  });
});
