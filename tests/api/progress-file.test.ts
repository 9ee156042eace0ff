import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";

/** The guide's section 2, verbatim. */
const guideFile = {
  task: "E-commerce Platform Deployment",
  started_at: "2026-03-14T10:00:00Z",
  current_phase: "backend-api",
  completed_phases: ["database-setup", "schema-migration"],
  pending_phases: ["api-endpoints", "frontend-integration", "testing"],
  blockers: [],
  notes: "API endpoints 80% complete, need to add payment webhook handlers",
};

type Task = { title: string; notes: string | null; phases: { key: string; status: string }[]; openBlockers: { title: string }[] };
type TaskEvent = { type: string; payload: Record<string, unknown> };

describe("progress.json", () => {
  it("round-trips the guide's file unchanged (PUT then GET)", async () => {
    const key = uniqueKey("shop");
    const put = await api(`/api/v1/tasks/${key}/progress.json`, { method: "PUT", json: guideFile });
    expect(put.status).toBe(201);
    expect(put.body).toEqual(guideFile);
    const get = await api(`/api/v1/tasks/${key}/progress.json`);
    expect(get.status).toBe(200);
    expect(get.body).toEqual(guideFile);
    expect(Object.keys(get.body)).toEqual(["task", "started_at", "current_phase", "completed_phases", "pending_phases", "blockers", "notes"]);
  });

  it("maps completed → done, current → active, pending → pending and notes → notes, creating unknown phases", async () => {
    const key = uniqueKey("shop");
    await api(`/api/v1/tasks/${key}/progress.json`, { method: "PUT", json: guideFile });
    const task = await api<Task>(`/api/v1/tasks/${key}`);
    expect(task.body.title).toBe("E-commerce Platform Deployment");
    expect(task.body.notes).toBe(guideFile.notes);
    expect(task.body.phases.map((p) => [p.key, p.status])).toEqual([
      ["database-setup", "done"],
      ["schema-migration", "done"],
      ["backend-api", "active"],
      ["api-endpoints", "pending"],
      ["frontend-integration", "pending"],
      ["testing", "pending"],
    ]);
  });

  it("turns blocker strings into open blockers without duplicating open ones, and writes one task.updated event", async () => {
    const key = uniqueKey("shop");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Shop" } });
    await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "Waiting for the payment provider's sandbox keys", kind: "access" } });
    const events = async () => (await api<{ items: TaskEvent[] }>(`/api/v1/tasks/${key}/events`)).body.items;
    const before = (await events()).length;

    const file = { ...guideFile, blockers: ["Waiting for the payment provider's sandbox keys", "Stripe webhook secret missing"] };
    const put = await api(`/api/v1/tasks/${key}/progress.json`, { method: "PUT", json: file });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(file);

    const task = await api<Task>(`/api/v1/tasks/${key}`);
    expect(task.body.openBlockers.map((b) => b.title)).toEqual(file.blockers);
    const added = (await events()).slice(before);
    expect(added.map((e) => e.type)).toEqual(["task.updated"]);
    expect(added[0].payload).toMatchObject({ source: "progress.json", blockersOpened: ["Stripe webhook secret missing"] });

    const again = await api(`/api/v1/tasks/${key}/progress.json`, { method: "PUT", json: file });
    expect(again.body).toEqual(file);
    expect((await api<Task>(`/api/v1/tasks/${key}`)).body.openBlockers).toHaveLength(2);
  });

  it("exports a task that was never started with started_at and current_phase null", async () => {
    const key = uniqueKey("fresh");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Fresh", phases: [{ key: "one" }, { key: "two" }] } });
    const get = await api(`/api/v1/tasks/${key}/progress.json`);
    expect(get.body).toEqual({ task: "Fresh", started_at: null, current_phase: null, completed_phases: [], pending_phases: ["one", "two"], blockers: [], notes: null });
  });

  it("keeps approval gates: a gated phase cannot become current without an approved approval (409)", async () => {
    const key = uniqueKey("tf");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "VPC", playbook: "terraform-deploy" } });
    const put = await api<{ type: string }>(`/api/v1/tasks/${key}/progress.json`, {
      method: "PUT",
      json: { task: "VPC", current_phase: "apply", completed_phases: ["validate", "plan"], pending_phases: ["verify"], blockers: [] },
    });
    expect(put.status).toBe(409);
    expect(put.body.type).toMatch(/approval-required$/);
    const phases = (await api<Task>(`/api/v1/tasks/${key}`)).body.phases;
    expect(phases.every((p) => p.status === "pending")).toBe(true);
  });

  it("rejects a malformed file with 422 and field errors", async () => {
    const response = await api<{ errors: { path: string }[] }>(`/api/v1/tasks/${uniqueKey()}/progress.json`, {
      method: "PUT",
      json: { ...guideFile, started_at: "yesterday", pending_phases: ["database-setup"] },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e) => e.path).sort()).toEqual(["pending_phases.0", "started_at"]);
  });

  it("answers 404 for an unknown task", async () => {
    expect((await api(`/api/v1/tasks/${uniqueKey("missing")}/progress.json`)).status).toBe(404);
  });
});
