import { describe, expect, it } from "vitest";
import { approvalsReceived } from "@/lib/server/approvals/approval-view";
import { personActor } from "@/lib/server/approvals/requester-person";

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

describe("personActor", () => {
  it("names the person who created a token as decisions do, and nobody for a token made by a token", () => {
    expect(personActor("alice")).toBe("person:alice");
    expect(personActor("person:alice")).toBe("person:alice");
    expect(personActor("token:ci")).toBeNull();
    expect(personActor(null)).toBeNull();
  });
});
