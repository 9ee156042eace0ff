import { describe, expect, it } from "vitest";
import { approvalsReceived } from "@/lib/server/approvals/approval-view";

describe("approvalsReceived", () => {
  const current = "a".repeat(64);
  const earlier = "b".repeat(64);

  it("counts distinct people who approved the current artifact, never rejections or another hash", () => {
    expect(
      approvalsReceived(
        [
          { by: "person:alice", decision: "approve", artifactSha256: current },
          { by: "person:bob", decision: "approve", artifactSha256: earlier },
          { by: "person:carol", decision: "reject", artifactSha256: current },
          { by: "person:alice", decision: "approve", artifactSha256: current },
        ],
        current,
      ),
    ).toBe(1);
    expect(approvalsReceived([], current)).toBe(0);
  });
});
