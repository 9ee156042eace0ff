// SPEC "Hardening": every parser runs in linear time, so `GET /api/health` answers within a second
// while a hostile note or handoff document is being parsed.
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, uniqueKey } from "./context";

const MiB = 1024 * 1024;
const HEALTH_BOUND_MS = 1000;

/** Runs `work` while polling `GET /api/health` back to back; returns its result and every health latency. */
async function whileHealthPolled<T>(work: () => Promise<T>): Promise<{ result: T; latencies: number[] }> {
  let finished = false;
  const pending = work().finally(() => (finished = true));
  const latencies: number[] = [];
  do {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    await response.body?.cancel();
    latencies.push(performance.now() - started);
  } while (!finished);
  return { result: await pending, latencies };
}

function expectHealthy(latencies: number[]) {
  expect(latencies.length).toBeGreaterThan(0);
  expect(Math.max(...latencies)).toBeLessThan(HEALTH_BOUND_MS);
}

describe("hostile input is parsed in linear time while /api/health keeps answering", () => {
  // A fresh `next start` loads each route's code on its first request; measure the parsers, not that.
  beforeAll(async () => {
    const key = uniqueKey("warm-up");
    await api(`/api/v1/tasks/${key}/checkpoints`, { text: "=== CHECKPOINT: warm ===" });
    await api(`/api/v1/tasks/${key}/handoffs`, { text: "Agent Handoff: a → b", contentType: "text/markdown" });
  });

  it("accepts a ~1 MiB note whose commentary is a megabyte of spaces before the header", async () => {
    const key = uniqueKey("spaces-note");
    const note = `${" ".repeat(MiB - 200)}x\n=== CHECKPOINT: Survived a megabyte of spaces ===\n- parsed in one pass`;
    const { result, latencies } = await whileHealthPolled(() =>
      api<{ summary: string; done: string[] }>(`/api/v1/tasks/${key}/checkpoints`, { text: note }),
    );
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ summary: "Survived a megabyte of spaces", done: ["parsed in one pass"] });
    expectHealthy(latencies);
  });

  it("accepts a handoff document whose title line holds 199,000 ideographic spaces", async () => {
    const key = uniqueKey("spaces-handoff");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Hostile handoff" } });
    const document = `## Agent Handoff: claude${"\u3000".repeat(199_000)}→ codex\n### Next Steps\n- carry on`;
    const { result, latencies } = await whileHealthPolled(() =>
      api<{ from: string; to: string; nextSteps: string[] }>(`/api/v1/tasks/${key}/handoffs`, { text: document, contentType: "text/markdown" }),
    );
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ from: "claude", to: "codex", nextSteps: ["carry on"] });
    expectHealthy(latencies);
  });

  it("answers a ~1 MiB handoff document of spaces and `#` promptly: too long to store (422), nothing recorded", async () => {
    const key = uniqueKey("hash-handoff");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Hostile handoff" } });
    const half = (MiB - 200) / 2;
    const document = `Agent Handoff: a${" ".repeat(half)}→\n${"#".repeat(half)}x\n### Next Steps\n- go`;
    const { result, latencies } = await whileHealthPolled(() => api(`/api/v1/tasks/${key}/handoffs`, { text: document, contentType: "text/markdown" }));
    expect(result.status).toBe(422);
    expect(result.headers.get("content-type")).toContain("application/problem+json");
    expect(result.body).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ path: "body" })]) });
    expect((await api<{ items: unknown[] }>(`/api/v1/tasks/${key}/handoffs`)).body.items).toEqual([]);
    expectHealthy(latencies);
  });
});
