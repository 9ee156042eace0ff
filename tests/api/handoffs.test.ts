import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";
import { events } from "../support/test-db";
import { GUIDE_HANDOFF, GUIDE_HANDOFF_FIELDS } from "../support/guide-examples";

type Handoff = { id: number; task: string; from: string; to: string; complete: string[]; needed: string[]; nextSteps: string[]; body: string | null };

async function createTask() {
  const key = uniqueKey("handoff");
  await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Split-brain delivery" } });
  return key;
}

describe("POST /api/v1/tasks/{key}/handoffs", () => {
  it("records the guide's split-brain handoff sent as JSON, with one handoff.created event", async () => {
    const key = await createTask();
    const response = await api<Handoff>(`/api/v1/tasks/${key}/handoffs`, { json: { ...GUIDE_HANDOFF_FIELDS, body: GUIDE_HANDOFF } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...GUIDE_HANDOFF_FIELDS, task: key, body: GUIDE_HANDOFF });
    expect((await events(key)).filter((e) => e.type === "handoff.created")).toHaveLength(1);
  });

  it("accepts fromAgent/toAgent as aliases of from/to", async () => {
    const key = await createTask();
    const response = await api<Handoff>(`/api/v1/tasks/${key}/handoffs`, { json: { fromAgent: "infra", toAgent: "app", nextSteps: ["Run initial migration"] } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ from: "infra", to: "app", nextSteps: ["Run initial migration"] });
  });

  it("records the guide's handoff sent as the markdown document itself", async () => {
    const key = await createTask();
    const response = await api<Handoff>(`/api/v1/tasks/${key}/handoffs`, { text: GUIDE_HANDOFF, contentType: "text/markdown" });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject(GUIDE_HANDOFF_FIELDS);
    const renamed = await api<Handoff>(`/api/v1/tasks/${key}/handoffs?from=infra-agent&to=app-agent`, { text: GUIDE_HANDOFF });
    expect(renamed.body).toMatchObject({ from: "infra-agent", to: "app-agent" });
  });

  it("answers 422 without from/to, 404 for an unknown task, 401 without a token, 400 for malformed JSON, 413 over 1 MiB", async () => {
    const key = await createTask();
    const missing = await api(`/api/v1/tasks/${key}/handoffs`, { json: { complete: ["x"] } });
    expect(missing.status).toBe(422);
    expect((missing.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(["from", "to"]);
    expect((await api(`/api/v1/tasks/${key}/handoffs`, { text: "### Next Steps\n1. go" })).status).toBe(422);
    expect((await api(`/api/v1/tasks/${uniqueKey("none")}/handoffs`, { json: { from: "a", to: "b" } })).status).toBe(404);
    expect((await api(`/api/v1/tasks/${key}/handoffs`, { json: { from: "a", to: "b" }, token: null })).status).toBe(401);
    expect((await api(`/api/v1/tasks/${key}/handoffs`, { text: "{", contentType: "application/json" })).status).toBe(400);
    expect((await api(`/api/v1/tasks/${key}/handoffs`, { json: { from: "a", to: "b", body: "z".repeat(1024 * 1024) } })).status).toBe(413);
    expect((await events(key)).filter((e) => e.type === "handoff.created")).toHaveLength(0);
  });

  it("replays an Idempotency-Key retry without a second handoff", async () => {
    const key = await createTask();
    const send = () => api<Handoff>(`/api/v1/tasks/${key}/handoffs`, { json: GUIDE_HANDOFF_FIELDS, headers: { "idempotency-key": "handoff-1" } });
    const first = await send();
    const retry = await send();
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect((await events(key)).filter((e) => e.type === "handoff.created")).toHaveLength(1);
  });
});
