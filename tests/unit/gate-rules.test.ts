import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { assertMayLowerGates, gatesLoweredByReplacement, gatesLoweredByUpdate, keepOmittedGates } from "@/lib/server/phases/gate-rules";

const agent = { name: "token:ci", person: false };
const person = { name: "person:admin", person: true };

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
  it("throws gate-locked (403) for an agent, admin tokens included, and lets a person through", () => {
    expect(() => assertMayLowerGates(agent, [], "this update")).not.toThrow();
    expect(() => assertMayLowerGates(person, ["apply"], "this update")).not.toThrow();
    try {
      assertMayLowerGates(agent, ["apply"], "this update");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "gate-locked", status: 403, extensions: { phases: ["apply"] } });
    }
  });
});
