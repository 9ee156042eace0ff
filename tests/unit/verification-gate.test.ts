import { describe, expect, it } from "vitest";
import { hasGaps, verificationGaps } from "@/lib/server/phases/verification-gate";

const steps = [{ name: "terraform validate" }, { name: "tflint" }, { name: "checkov" }];

describe("verificationGaps", () => {
  it("is clear when every configured step has passed", () => {
    const gaps = verificationGaps(steps, [
      { name: "terraform validate", status: "passed" },
      { name: "tflint", status: "passed" },
      { name: "checkov", status: "passed" },
    ]);
    expect(gaps).toEqual({ missing: [], failed: [] });
    expect(hasGaps(gaps)).toBe(false);
  });

  it("lists steps without any passed result as missing, a skipped result does not count", () => {
    const gaps = verificationGaps(steps, [
      { name: "terraform validate", status: "passed" },
      { name: "tflint", status: "skipped" },
    ]);
    expect(gaps).toEqual({ missing: ["tflint", "checkov"], failed: [] });
  });

  it("lists a step whose latest result failed even though it passed earlier", () => {
    const gaps = verificationGaps(steps, [
      { name: "terraform validate", status: "passed" },
      { name: "tflint", status: "passed" },
      { name: "checkov", status: "passed" },
      { name: "checkov", status: "failed" },
    ]);
    expect(gaps).toEqual({ missing: [], failed: ["checkov"] });
  });

  it("accepts a step that failed and then passed", () => {
    const gaps = verificationGaps([{ name: "tflint" }], [
      { name: "tflint", status: "failed" },
      { name: "tflint", status: "passed" },
    ]);
    expect(hasGaps(gaps)).toBe(false);
  });

  it("ignores results for steps the phase does not configure and has no gaps without steps", () => {
    expect(verificationGaps([], [{ name: "other", status: "failed" }])).toEqual({ missing: [], failed: [] });
  });
});
