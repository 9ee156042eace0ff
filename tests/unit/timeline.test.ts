import { describe, expect, it } from "vitest";
import { buildFeedItems, gateDecisions } from "@/lib/timeline/feed-items";
import { buildLanes, UNASSIGNED } from "@/lib/timeline/lanes";
import { downsample } from "@/lib/timeline/downsample";
import { sampleSeqs } from "@/lib/timeline/sample-seqs";
import type { CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import type { HandoffView } from "@/lib/server/handoffs/handoff-view";
import type { PhaseView } from "@/lib/schemas/phase";

const minute = 60_000;
const t0 = Date.parse("2026-11-25T12:00:00Z");
const iso = (minutes: number) => new Date(t0 + minutes * minute).toISOString();

function checkpoint(seq: number, minutes: number): CheckpointView {
  return {
    task: "t",
    seq,
    phase: null,
    summary: `checkpoint ${seq}`,
    body: null,
    done: [],
    next: [],
    dependencies: [],
    decisions: [],
    progress: null,
    resumeFrom: null,
    agent: null,
    verification: [],
    metrics: {},
    createdAt: iso(minutes),
  };
}

function handoff(id: number, minutes: number, from = "infra", to = "app"): HandoffView {
  return { id, task: "t", from, to, complete: [], needed: [], nextSteps: [], body: null, createdAt: iso(minutes) };
}

function phase(key: string, position: number, agent: string | null): PhaseView {
  return {
    key,
    name: key,
    position,
    status: "pending",
    requiresApproval: false,
    requiredApprovals: 1,
    preventSelfReview: false,
    gate: "none",
    completionCriteria: [],
    verification: [],
    rollback: null,
    progress: null,
    resumeFrom: null,
    agent,
    startedAt: null,
    completedAt: null,
    updatedAt: iso(0),
  };
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("buildFeedItems", () => {
  it("orders checkpoints and handoffs newest first", () => {
    const items = buildFeedItems({ checkpoints: [checkpoint(3, 10), checkpoint(2, 5), checkpoint(1, 0)], handoffs: [handoff(1, 7)], complete: true });
    expect(ids(items)).toEqual(["c3", "h1", "c2", "c1"]);
  });

  it("places a handoff below the checkpoint written at the same instant", () => {
    const items = buildFeedItems({ checkpoints: [checkpoint(2, 5), checkpoint(1, 0)], handoffs: [handoff(9, 5)], complete: true });
    expect(ids(items)).toEqual(["c2", "h9", "c1"]);
  });

  it("marks a long silence between neighbours as a gap with its length", () => {
    const items = buildFeedItems({ checkpoints: [checkpoint(2, 120), checkpoint(1, 0)], handoffs: [], complete: true });
    expect(items.map((item) => item.kind)).toEqual(["checkpoint", "gap", "checkpoint"]);
    const gap = items[1];
    expect(gap.kind === "gap" && gap.seconds).toBe(7200);
    expect(gap.kind === "gap" && [gap.from, gap.to]).toEqual([iso(0), iso(120)]);
  });

  it("holds back handoffs older than the oldest loaded checkpoint until the feed is complete", () => {
    const input = { checkpoints: [checkpoint(9, 50), checkpoint(8, 40)], handoffs: [handoff(1, 10), handoff(2, 45)] };
    expect(ids(buildFeedItems({ ...input, complete: false }))).toEqual(["c9", "h2", "c8"]);
    expect(ids(buildFeedItems({ ...input, complete: true, gapSeconds: 3600 }))).toEqual(["c9", "h2", "c8", "h1"]);
  });

  it("places each person's gate decision at its time, named, and holds back older ones like handoffs", () => {
    const approval = {
      id: "apr_1",
      title: "Apply the plan",
      phaseName: "apply",
      decisions: [
        { by: "person:alice", decision: "approve" as const, comment: "Sizes checked", at: iso(6) },
        { by: "person:bob", decision: "approve" as const, comment: null, at: iso(8) },
      ],
    };
    const gates = gateDecisions([approval]);
    expect(gates[0]).toEqual({ approvalId: "apr_1", title: "Apply the plan", phaseName: "apply", by: "person:alice", decision: "approve", comment: "Sizes checked", at: iso(6) });
    const input = { checkpoints: [checkpoint(3, 10), checkpoint(2, 7)], handoffs: [], gates };
    expect(ids(buildFeedItems({ ...input, complete: true }))).toEqual(["c3", "g:apr_1:person:bob", "c2", "g:apr_1:person:alice"]);
    expect(ids(buildFeedItems({ ...input, complete: false }))).toEqual(["c3", "g:apr_1:person:bob", "c2"]);
  });

  it("shows handoffs alone when there is no checkpoint yet", () => {
    expect(ids(buildFeedItems({ checkpoints: [], handoffs: [handoff(1, 0)], complete: false }))).toEqual(["h1"]);
  });
});

describe("buildLanes", () => {
  it("makes one lane per agent in phase order and links handoffs between lanes", () => {
    const { lanes, handoffs } = buildLanes(
      [phase("test", 2, "testing"), phase("infra", 0, "infra"), phase("app", 1, "app"), phase("docs", 3, null)],
      [handoff(2, 20, "app", "testing"), handoff(1, 10, "infra", "app")],
    );
    expect(lanes.map((lane) => lane.agent)).toEqual(["infra", "app", "testing", UNASSIGNED]);
    expect(lanes[1]).toMatchObject({ handoffsIn: 1, handoffsOut: 1 });
    expect(handoffs.map((h) => [h.handoff.id, h.from, h.to])).toEqual([
      [1, 0, 1],
      [2, 1, 2],
    ]);
  });

  it("adds a lane for an agent that only appears in a handoff", () => {
    const { lanes, handoffs } = buildLanes([phase("infra", 0, "infra")], [handoff(1, 0, "infra", "reviewer")]);
    expect(lanes.map((lane) => lane.agent)).toEqual(["infra", "reviewer"]);
    expect(handoffs[0]).toMatchObject({ from: 0, to: 1 });
  });
});

describe("downsample", () => {
  it("keeps short series untouched", () => {
    expect(downsample([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });
  it("keeps first and last and spreads the rest evenly", () => {
    const points = Array.from({ length: 1001 }, (_, i) => i);
    const picked = downsample(points, 11);
    expect(picked).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });
});

describe("sampleSeqs", () => {
  it("keeps every seq while the task is small", () => {
    expect(sampleSeqs(5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("spreads a fixed budget across a large task and always keeps the newest", () => {
    const seqs = sampleSeqs(100_000, 900, 50);
    expect(seqs.length).toBeLessThanOrEqual(900);
    expect(seqs[0]).toBe(1);
    expect(seqs.slice(-50)).toEqual(Array.from({ length: 50 }, (_, i) => 99_951 + i));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });
});
