import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";

describe("PUT /api/v1/tasks/{key}", () => {
  it("creates a task with 201, then updates it with 200 without deleting omitted phases", async () => {
    const key = uniqueKey("deploy");
    const created = await api(`/api/v1/tasks/${key}`, {
      method: "PUT",
      json: { title: "E-commerce Platform Deployment", phases: [{ key: "database-setup" }, { key: "backend-api", name: "Backend API" }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key, title: "E-commerce Platform Deployment", status: "pending", progress: { percent: 0 } });
    const updated = await api(`/api/v1/tasks/${key}`, {
      method: "PUT",
      json: { title: "Platform deployment", phases: [{ key: "testing", completionCriteria: ["all e2e green"] }] },
    });
    expect(updated.status).toBe(200);
    const phases = (updated.body.phases as { key: string; position: number }[]).map((p) => p.key);
    expect(phases).toEqual(["database-setup", "backend-api", "testing"]);
    expect(updated.body.title).toBe("Platform deployment");
  });

  it("rejects a key that is not a slug with 422 and errors[]", async () => {
    const response = await api(`/api/v1/tasks/Not_A_Slug!`, { method: "PUT", json: { title: "x" } });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: "key" })]));
  });

  it("rejects a body without a title with 422 and creates nothing", async () => {
    const key = uniqueKey();
    const response = await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { description: "no title" } });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: "title" })]);
    expect((await api(`/api/v1/tasks/${key}`)).status).toBe(404);
  });

  it("answers malformed JSON with 400 problem+json", async () => {
    const response = await api(`/api/v1/tasks/${uniqueKey()}`, { method: "PUT", text: "{oops", contentType: "application/json" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: expect.stringMatching(/malformed-request$/), status: 400 });
  });

  it("answers a body over 1 MiB with 413", async () => {
    const response = await api(`/api/v1/tasks/${uniqueKey()}`, { method: "PUT", json: { title: "big", notes: "x".repeat(1024 * 1024 + 10) } });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("GET /api/v1/tasks", () => {
  it("lists newest activity first and pages with a cursor", async () => {
    const prefix = uniqueKey("list");
    for (const n of [1, 2, 3]) {
      expect((await api(`/api/v1/tasks/${prefix}-${n}`, { method: "PUT", json: { title: `List ${n}` } })).status).toBe(201);
    }
    const first = await api<{ items: { key: string }[]; nextCursor: string | null }>(`/api/v1/tasks?q=${prefix}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((t) => t.key)).toEqual([`${prefix}-3`, `${prefix}-2`]);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await api<{ items: { key: string }[]; nextCursor: string | null }>(
      `/api/v1/tasks?q=${prefix}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((t) => t.key)).toEqual([`${prefix}-1`]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("filters by derived status", async () => {
    const key = uniqueKey("filter");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Filter me" } });
    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "started" } });
    const active = await api<{ items: { key: string; status: string }[] }>(`/api/v1/tasks?status=active&q=${key}`);
    expect(active.body.items).toEqual([expect.objectContaining({ key, status: "active" })]);
    const pending = await api<{ items: unknown[] }>(`/api/v1/tasks?status=pending&q=${key}`);
    expect(pending.body.items).toEqual([]);
  });

  it("searches key, title and description ignoring letter case, on either database", async () => {
    const key = uniqueKey("search");
    const marker = key.replace(/[^a-z0-9]/g, "");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: `Orders BACKFILL ${marker}`, description: `Moves ${marker}XYZ rows` } });
    const keys = async (q: string) => (await api<{ items: { key: string }[] }>(`/api/v1/tasks?q=${encodeURIComponent(q)}`)).body.items.map((t) => t.key);
    expect(await keys(`orders backfill ${marker}`)).toEqual([key]);
    expect(await keys(`${marker}xyz`)).toEqual([key]);
    expect(await keys(key.toUpperCase())).toEqual([key]);
    expect(await keys(`${marker} nowhere`)).toEqual([]);
  });

  it("rejects an unknown status filter with 422", async () => {
    expect((await api(`/api/v1/tasks?status=sleeping`)).status).toBe(422);
  });
});

describe("auth", () => {
  it("answers 401 problem+json without a token and with an unknown one", async () => {
    for (const token of [null, "baton_agt_not-a-real-token"]) {
      const response = await api(`/api/v1/tasks`, { token });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("keeps /api/health public and checks the database", async () => {
    const response = await api(`/api/health`, { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "ok", database: { status: "ok" } });
  });

  it("answers unknown API paths with a problem+json 404", async () => {
    const response = await api(`/api/v1/definitely-not-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});
