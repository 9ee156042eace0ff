// Property-based tests against the running server: random and malformed bodies never produce a 5xx,
// every 4xx is problem+json, and a rejected request changes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";
import type { ApiResponse } from "../support/http";

const RUNS = 100;

const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }), fc.constant(""), fc.constant("x".repeat(600)));
const number = fc.oneof(fc.integer(), fc.double(), fc.constant(-1), fc.constant(1e308));
const anyValue = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
const stringsOrJunk = fc.oneof(fc.array(text, { maxLength: 3 }), anyValue);
const progress = fc.oneof(fc.record({ current: number, total: fc.option(number), unit: fc.option(text) }, { requiredKeys: [] }), anyValue);

/** Bodies that look almost right (the interesting ones) mixed with arbitrary JSON. */
const checkpointBody = fc.oneof(
  fc.record(
    {
      summary: fc.oneof(text, anyValue),
      phase: fc.oneof(fc.constantFrom("build", "Bad Key", ""), anyValue),
      phaseStatus: fc.oneof(fc.constantFrom("active", "done", "finished"), anyValue),
      done: stringsOrJunk,
      next: stringsOrJunk,
      progress,
      verification: fc.oneof(fc.array(fc.record({ name: text, status: fc.constantFrom("passed", "failed", "nope") }), { maxLength: 3 }), anyValue),
      metrics: fc.oneof(fc.dictionary(text, number, { maxKeys: 3 }), anyValue),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);
/** Lines a parser might trip over: section names, markers, and Object.prototype member names. */
const noteLine = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom("=== CHECKPOINT: x ===", "NEXT ACTIONS:", "DEPENDENCIES:", "### What's Needed", "Agent Handoff: a → b", "- ", "1. step", "#", "__proto__", "constructor:", "toString"),
);
const document = fc.array(noteLine, { maxLength: 15 }).map((lines) => lines.join("\n"));
const rawJson = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("{", "[", '{"summary":', "null", "{}}", '{"a":1,}', "\u0000"));

function expectWellFormed(response: ApiResponse) {
  expect(response.status, response.text).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: response.status, detail: expect.any(String) });
  }
}

async function checkpointCount(key: string): Promise<number> {
  return ((await api<{ counts: { checkpoints: number } }>(`/api/v1/tasks/${key}`)).body.counts.checkpoints);
}

describe("random and malformed bodies against the running server", () => {
  it("PUT /tasks/{key}: never a 5xx; a rejected body creates no task", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.record({ title: fc.oneof(text, anyValue), staleAfterSeconds: anyValue, phases: fc.oneof(fc.array(fc.record({ key: text, verification: anyValue }), { maxLength: 2 }), anyValue) }, { requiredKeys: [] }), fc.jsonValue()),
        async (body) => {
          const key = uniqueKey("fuzz-task");
          const response = await api(`/api/v1/tasks/${key}`, { method: "PUT", json: body });
          expectWellFormed(response);
          if (response.status >= 400) expect((await api(`/api/v1/tasks/${key}`)).status).toBe(404);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /tasks/{key}/checkpoints: never a 5xx; a rejected JSON body, raw text or note leaves the count unchanged", async () => {
    const key = uniqueKey("fuzz-cp");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Fuzz", phases: [{ key: "build", verification: [{ name: "lint" }] }] } });
    let expected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          checkpointBody.map((json) => ({ json })),
          rawJson.map((raw) => ({ text: raw, contentType: "application/json" })),
          document.map((note) => ({ text: note, contentType: "text/plain" })),
        ),
        async (request) => {
          const response = await api(`/api/v1/tasks/${key}/checkpoints`, { method: "POST", ...request });
          expectWellFormed(response);
          if (response.status === 201) expected += 1;
          expect(await checkpointCount(key)).toBe(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("PATCH /tasks/{key}/phases/{phase}: never a 5xx; a rejected body leaves the phase as it was", async () => {
    const key = uniqueKey("fuzz-phase");
    await api(`/api/v1/tasks/${key}`, {
      method: "PUT",
      json: { title: "Fuzz", phases: [{ key: "gated", requiresApproval: true }, { key: "checked", verification: [{ name: "smoke" }] }] },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("gated", "checked", "missing"),
        fc.oneof(
          fc.record(
            { status: fc.oneof(fc.constantFrom("active", "done", "skipped", "pending", "bogus"), anyValue), progress, agent: anyValue, force: anyValue, reason: anyValue },
            { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
        async (phase, body) => {
          const before = await api<{ phases: unknown[] }>(`/api/v1/tasks/${key}`);
          const response = await api(`/api/v1/tasks/${key}/phases/${phase}`, { method: "PATCH", json: body });
          expectWellFormed(response);
          if (response.status >= 400) expect((await api<{ phases: unknown[] }>(`/api/v1/tasks/${key}`)).body.phases).toEqual(before.body.phases);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /tasks/{key}/blockers: never a 5xx; a rejected body opens no blocker", async () => {
    const key = uniqueKey("fuzz-blocker");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Fuzz", phases: [{ key: "deploy" }] } });
    let open = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record(
            { title: fc.oneof(text, anyValue), kind: fc.oneof(fc.constantFrom("access", "rate_limit", "weather"), anyValue), owner: anyValue, phase: fc.oneof(fc.constantFrom("deploy", "nope"), anyValue), detail: anyValue },
            { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
        async (body) => {
          const response = await api(`/api/v1/tasks/${key}/blockers`, { json: body });
          expectWellFormed(response);
          if (response.status === 201) open += 1;
          expect((await api<{ counts: { openBlockers: number } }>(`/api/v1/tasks/${key}`)).body.counts.openBlockers).toBe(open);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /tasks/{key}/handoffs: never a 5xx; a rejected JSON body or document writes no handoff", async () => {
    const key = uniqueKey("fuzz-handoff");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Fuzz" } });
    let expected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ from: fc.oneof(text, anyValue), to: fc.oneof(text, anyValue), complete: stringsOrJunk, needed: stringsOrJunk, nextSteps: stringsOrJunk, body: anyValue }, { requiredKeys: [] }).map((json) => ({ json })),
          document.map((doc) => ({ text: doc, contentType: "text/markdown" })),
          rawJson.map((raw) => ({ text: raw, contentType: "application/json" })),
        ),
        async (request) => {
          const response = await api(`/api/v1/tasks/${key}/handoffs`, { method: "POST", ...request });
          expectWellFormed(response);
          if (response.status === 201) expected += 1;
          expect((await api<{ items: unknown[] }>(`/api/v1/tasks/${key}/handoffs`)).body.items).toHaveLength(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /batch: never a 5xx, one result per operation, and exactly the accepted checkpoints are written", async () => {
    const key = uniqueKey("fuzz-batch");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Fuzz", phases: [{ key: "build" }] } });
    let expected = 0;
    const operation = fc.oneof(
      fc.record(
        {
          op: fc.oneof(fc.constantFrom("checkpoint", "heartbeat", "phase", "blocker"), anyValue),
          task: fc.oneof(fc.constant(key), text),
          phase: fc.oneof(fc.constantFrom("build", "nope"), anyValue),
          idempotencyKey: fc.oneof(fc.constant(undefined), text),
          body: fc.oneof(checkpointBody, anyValue),
        },
        { requiredKeys: ["op", "task"] },
      ),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(operation, { maxLength: 8 }).map((operations) => ({ operations })), fc.jsonValue()), async (body) => {
        const response = await api<{ results: { status: number }[] }>(`/api/v1/batch`, { json: body });
        expectWellFormed(response);
        if (response.status !== 207) return;
        const operations = (body as { operations: { op?: unknown; task?: unknown }[] }).operations;
        expect(response.body.results).toHaveLength(operations.length);
        for (const result of response.body.results) expect(result.status).toBeLessThan(500);
        expected += response.body.results.filter(
          (result, i) => result.status === 201 && operations[i]?.op === "checkpoint" && operations[i]?.task === key && !(result as { replayed?: boolean }).replayed,
        ).length;
        expect(await checkpointCount(key)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });
});
