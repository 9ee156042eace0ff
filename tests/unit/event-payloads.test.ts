import { describe, expect, it } from "vitest";
import { eventPayloadSchemas, eventSchema, eventTypes, payloadOf } from "@/lib/schemas/event";

const blocker = {
  id: 7,
  title: "Which window?",
  detail: null,
  kind: "decision",
  owner: null,
  phase: null,
  status: "resolved",
  resolution: "tonight",
  question: "Run it tonight?",
  options: ["tonight", "weekend"],
  recommended: "tonight",
  answer: "tonight",
  answerComment: null,
  answeredBy: "person:owner",
  answeredAt: "2026-12-01T10:00:00.000Z",
  createdAt: "2026-12-01T09:00:00.000Z",
  resolvedAt: "2026-12-01T10:00:00.000Z",
};

describe("typed event payloads", () => {
  it("declare a payload schema for every event type", () => {
    expect(Object.keys(eventPayloadSchemas).sort()).toEqual([...eventTypes].sort());
  });

  it("give the typed payload of an event of the asked type, and null for any other type", () => {
    const event = { type: "blocker.resolved", payload: { blocker, answeredBy: "person:owner" } };
    expect(payloadOf(event, "blocker.resolved")?.blocker.id).toBe(7);
    expect(payloadOf(event, "blocker.opened")).toBeNull();
  });

  it("never hand out a payload that does not match its type's schema", () => {
    expect(payloadOf({ type: "blocker.resolved", payload: { blocker: { id: "7" } } }, "blocker.resolved")).toBeNull();
    const row = { seq: 1, type: "blocker.resolved", taskKey: "t", actor: "token:bot", payload: { blocker: { id: 7 } }, createdAt: "2026-12-01T10:00:00.000Z" };
    expect(eventSchema.safeParse(row).success).toBe(false);
    expect(eventSchema.safeParse({ ...row, payload: { blocker } }).success).toBe(true);
  });
});
