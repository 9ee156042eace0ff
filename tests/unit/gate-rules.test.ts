import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import {
  assertMayLowerGates,
  consumesApproval,
  gateState,
  gatesLoweredByReplacement,
  gatesLoweredByUpdate,
  keepOmittedGates,
  lowersGate,
  needsApproval,
} from "@/lib/server/phases/gate-rules";
import { isSelfReview, reviewOutcome } from "@/lib/server/phases/review-rules";
import { isFinished, isInFlight } from "@/lib/server/phases/phase-rules";
import { phaseStatuses } from "@/lib/schemas/phase";

const agent = { name: "token:ci", person: false, role: null };
const person = { name: "person:owner", person: true, role: "admin" as const };
const approver = { name: "person:alice", person: true, role: "approver" as const };

describe("gatesLoweredByUpdate", () => {
  const existing = [
    { key: "plan", requiresApproval: false },
    { key: "apply", requiresApproval: true },
  ];

  it("names a gated phase the update sets to requiresApproval: false", () => {
    expect(gatesLoweredByUpdate(existing, [{ key: "apply", requiresApproval: false }])).toEqual(["apply"]);
  });

  it("lets an omitted requiresApproval, an omitted phase, or an added gate through", () => {
    expect(gatesLoweredByUpdate(existing, [{ key: "apply" }, { key: "plan", requiresApproval: true }, { key: "new", requiresApproval: false }])).toEqual([]);
  });

  it("judges the last value named for a phase, as the upsert applies them in order", () => {
    expect(gatesLoweredByUpdate(existing, [{ key: "apply", requiresApproval: false }, { key: "apply", requiresApproval: true }])).toEqual([]);
    expect(gatesLoweredByUpdate(existing, [{ key: "apply", requiresApproval: true }, { key: "apply", requiresApproval: false }])).toEqual(["apply"]);
  });
});

describe("lowering a gate's review rules", () => {
  const strict = { key: "apply", requiresApproval: true, requiredApprovals: 3, preventSelfReview: true };

  it("counts fewer reviewers or self-review allowed again as lowering, and more reviewers as raising", () => {
    expect(lowersGate(strict, { ...strict, requiredApprovals: 2 })).toBe(true);
    expect(lowersGate(strict, { ...strict, preventSelfReview: false })).toBe(true);
    expect(lowersGate(strict, { ...strict, requiredApprovals: 4 })).toBe(false);
    expect(lowersGate({}, { requiredApprovals: 1, preventSelfReview: false })).toBe(false);
  });

  it("judges an update by the rules each phase ends with, fields left out keeping their value", () => {
    expect(gatesLoweredByUpdate([strict], [{ key: "apply", requiredApprovals: 1 }])).toEqual(["apply"]);
    expect(gatesLoweredByUpdate([strict], [{ key: "apply", preventSelfReview: false }])).toEqual(["apply"]);
    expect(gatesLoweredByUpdate([strict], [{ key: "apply", requiredApprovals: 1 }, { key: "apply", requiredApprovals: 3 }])).toEqual([]);
    expect(gatesLoweredByUpdate([strict], [{ key: "apply" }, { key: "apply", requiredApprovals: 5 }])).toEqual([]);
  });

  it("counts lowering even on a phase not gated yet, since asking for an approval gates it", () => {
    expect(gatesLoweredByUpdate([{ key: "apply", requiresApproval: false, requiredApprovals: 2 }], [{ key: "apply", requiredApprovals: 1 }])).toEqual(["apply"]);
  });

  it("keeps a template's stored rules when a replacement leaves them out, and counts a dropped strict template", () => {
    expect(keepOmittedGates([strict], [{ key: "apply", name: "Apply" }])).toEqual([{ ...strict, name: "Apply" }]);
    expect(gatesLoweredByReplacement([strict], keepOmittedGates([strict], [{ key: "apply", requiredApprovals: 2 }]))).toEqual(["apply"]);
    expect(gatesLoweredByReplacement([{ key: "review", requiredApprovals: 2 }], [{ key: "other" }])).toEqual(["review"]);
  });
});

describe("required reviewers", () => {
  it("settles on one rejection, or once enough distinct people approved", () => {
    expect(reviewOutcome("reject", 0, 2)).toBe("rejected");
    expect(reviewOutcome("reject", 5, 2)).toBe("rejected");
    expect(reviewOutcome("approve", 1, 2)).toBe("pending");
    expect(reviewOutcome("approve", 2, 2)).toBe("approved");
    expect(reviewOutcome("approve", 1, 1)).toBe("approved");
  });

  it("bars only the requesting token's creator, and only with preventSelfReview", () => {
    const approval = { preventSelfReview: true, requesterPerson: "person:alice" };
    expect(isSelfReview(approval, "person:alice")).toBe(true);
    expect(isSelfReview(approval, "person:bob")).toBe(false);
    expect(isSelfReview({ ...approval, preventSelfReview: false }, "person:alice")).toBe(false);
    expect(isSelfReview({ preventSelfReview: true, requesterPerson: null }, "person:alice")).toBe(false);
  });
});

describe("playbook replacement", () => {
  const stored = [{ key: "plan" }, { key: "apply", requiresApproval: true }];

  it("keeps the stored gate of a template that leaves requiresApproval out", () => {
    expect(keepOmittedGates(stored, [{ key: "apply", name: "Apply" }, { key: "verify" }])).toEqual([{ key: "apply", name: "Apply", requiresApproval: true }, { key: "verify" }]);
  });

  it("counts a gated template that is dropped or set to false as lowered", () => {
    expect(gatesLoweredByReplacement(stored, [{ key: "plan" }])).toEqual(["apply"]);
    expect(gatesLoweredByReplacement(stored, [{ key: "apply", requiresApproval: false }])).toEqual(["apply"]);
    expect(gatesLoweredByReplacement(stored, keepOmittedGates(stored, [{ key: "apply" }]))).toEqual([]);
  });
});

describe("assertMayLowerGates", () => {
  it("throws gate-locked (403) for an agent, admin tokens included, and lets an admin person through", () => {
    expect(() => assertMayLowerGates(agent, [], "this update")).not.toThrow();
    expect(() => assertMayLowerGates(person, ["apply"], "this update")).not.toThrow();
    for (const actor of [agent, approver]) {
      try {
        assertMayLowerGates(actor, ["apply"], "this update");
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: "gate-locked", status: 403, extensions: { phases: ["apply"] } });
      }
    }
  });
});

describe("consumesApproval: an approval opens its phase once", () => {
  it("is used up when the phase leaves active, whatever it moves to", () => {
    for (const to of ["done", "failed", "rolled_back", "skipped", "pending", "awaiting_approval"]) expect(consumesApproval("active", to)).toBe(true);
  });

  it("is used up by finishing straight from pending, since the gate also holds done", () => {
    expect(consumesApproval("pending", "done")).toBe(true);
  });

  it("is not used up by being released after the decision, by starting, or by staying put", () => {
    expect(consumesApproval("awaiting_approval", "pending")).toBe(false);
    expect(consumesApproval("pending", "active")).toBe(false);
    expect(consumesApproval("active", "active")).toBe(false);
    expect(consumesApproval("pending", "skipped")).toBe(false);
  });

  it("needs an approval to enter active or done only", () => {
    expect(phaseStatuses.filter(needsApproval)).toEqual(["active", "done"]);
  });
});

describe("gateState", () => {
  const at = new Date("2026-12-01T00:00:00Z");

  it("is none without a gate, whatever approvals exist", () => {
    expect(gateState(false, null)).toBe("none");
    expect(gateState(false, { status: "approved", consumedAt: null })).toBe("none");
  });

  it("follows the latest approval of a gated phase", () => {
    expect(gateState(true, null)).toBe("required");
    expect(gateState(true, { status: "pending", consumedAt: null })).toBe("pending");
    expect(gateState(true, { status: "approved", consumedAt: null })).toBe("approved");
    expect(gateState(true, { status: "approved", consumedAt: at })).toBe("consumed");
    expect(gateState(true, { status: "rejected", consumedAt: null })).toBe("rejected");
    expect(gateState(true, { status: "expired", consumedAt: null })).toBe("rejected");
  });
});

describe("phase rules", () => {
  it("calls done and skipped finished, active and awaiting_approval in flight, and nothing both", () => {
    expect(phaseStatuses.filter(isFinished)).toEqual(["done", "skipped"]);
    expect(phaseStatuses.filter(isInFlight)).toEqual(["active", "awaiting_approval"]);
  });
});
