import { describe, expect, it } from "vitest";
import { currentPhase, deriveTaskStatus, taskPercent, type PhaseFacts, type TaskFacts } from "@/lib/server/tasks/derive-status";

const now = new Date("2026-11-25T12:00:00Z");
const phase = (key: string, status: string, position: number, current: number | null = null, total: number | null = null): PhaseFacts => ({
  key,
  status,
  position,
  progressCurrent: current,
  progressTotal: total,
});
const facts = (overrides: Partial<TaskFacts>): TaskFacts => ({
  phases: [],
  openBlockers: 0,
  pendingApprovals: 0,
  checkpoints: 0,
  lastActivityAt: now,
  staleAfterSeconds: 900,
  ...overrides,
});

describe("deriveTaskStatus", () => {
  it("is pending until anything starts", () => {
    expect(deriveTaskStatus(facts({ phases: [phase("a", "pending", 0)] }), now)).toBe("pending");
  });
  it("is done when every phase is done or skipped", () => {
    expect(deriveTaskStatus(facts({ phases: [phase("a", "done", 0), phase("b", "skipped", 1)], openBlockers: 1 }), now)).toBe("done");
  });
  it("is failed when a phase failed", () => {
    expect(deriveTaskStatus(facts({ phases: [phase("a", "failed", 0)], pendingApprovals: 1 }), now)).toBe("failed");
  });
  it("prefers awaiting_approval over blocked", () => {
    expect(deriveTaskStatus(facts({ phases: [phase("a", "active", 0)], pendingApprovals: 1, openBlockers: 1 }), now)).toBe("awaiting_approval");
  });
  it("is blocked with an open blocker", () => {
    expect(deriveTaskStatus(facts({ phases: [phase("a", "active", 0)], openBlockers: 2 }), now)).toBe("blocked");
  });
  it("goes stale after staleAfterSeconds without activity", () => {
    const lastActivityAt = new Date(now.getTime() - 901_000);
    expect(deriveTaskStatus(facts({ checkpoints: 3, lastActivityAt }), now)).toBe("stale");
    expect(deriveTaskStatus(facts({ checkpoints: 3, lastActivityAt, staleAfterSeconds: 3600 }), now)).toBe("active");
  });
});

describe("taskPercent", () => {
  it("counts done phases whole and the active phase by its current/total", () => {
    const phases = [phase("schema", "done", 0), phase("backfill", "active", 1, 730_000, 1_000_000), phase("verify", "pending", 2)];
    expect(taskPercent(phases)).toBe(57.7);
  });
  it("is 0 without phases", () => {
    expect(taskPercent([])).toBe(0);
  });
});

describe("currentPhase", () => {
  it("is the first phase in flight, else the first unfinished one", () => {
    expect(currentPhase([phase("b", "active", 1), phase("a", "done", 0)])?.key).toBe("b");
    expect(currentPhase([phase("a", "done", 0), phase("b", "pending", 1)])?.key).toBe("b");
    expect(currentPhase([phase("a", "done", 0)])).toBeNull();
  });
});
