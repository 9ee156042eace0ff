import { describe, expect, it } from "vitest";
import { adminToken, api, baseUrl } from "./context";
import { testDb } from "../support/test-db";

type Token = { id: string; name: string; scope: string; prefix: string; token?: string; lastUsedAt: string | null; revokedAt: string | null };

const asPerson = { token: adminToken };

describe("agent tokens for people", () => {
  it("creates an agent token shown once, lists it by prefix with its last use, and revokes it (then 401)", async () => {
    const created = await api<Token>(`/api/v1/tokens`, { json: { name: "ci runner" }, ...asPerson });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "ci runner", scope: "agent", revokedAt: null });
    const secret = created.body.token!;
    expect(secret.startsWith(created.body.prefix)).toBe(true);

    expect((await api(`/api/v1/tasks`, { token: secret })).status).toBe(200);
    await expect
      .poll(async () => (await api<{ items: Token[] }>(`/api/v1/tokens`, asPerson)).body.items.find((t) => t.id === created.body.id)?.lastUsedAt)
      .not.toBeNull();
    const listed = (await api<{ items: Token[] }>(`/api/v1/tokens`, asPerson)).body.items.find((t) => t.id === created.body.id)!;
    expect(listed.token).toBeUndefined();
    expect(JSON.stringify(listed)).not.toContain(secret);

    const revoked = await api<Token>(`/api/v1/tokens/${created.body.id}`, { method: "DELETE", ...asPerson });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await api(`/api/v1/tasks`, { token: secret })).status).toBe(401);
  });

  it("never keeps a new token's plaintext for Idempotency-Key replays", async () => {
    const headers = { "idempotency-key": `token-${Date.now()}` };
    const first = await api<Token>(`/api/v1/tokens`, { json: { name: "retried" }, headers, ...asPerson });
    const second = await api<Token>(`/api/v1/tokens`, { json: { name: "retried" }, headers, ...asPerson });
    expect(first.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    expect(second.body.token).not.toBe(first.body.token);
    const stored = await testDb().query(`SELECT count(*) AS n FROM "IdempotencyRecord" WHERE "responseBody" LIKE ?`, `%${first.body.token}%`);
    expect(stored).toEqual([{ n: 0 }]);
  });

  it("works from a person's browser session with a same-origin Origin", async () => {
    const login = await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const created = await api<Token>(`/api/v1/tokens`, { json: { name: "from the browser" }, token: null, headers: { cookie, origin: baseUrl } });
    expect(created.status).toBe(201);
    const foreign = await api(`/api/v1/tokens`, { json: { name: "csrf" }, token: null, headers: { cookie, origin: "http://evil.example" } });
    expect(foreign.status).toBe(403);
  });

  it("refuses agents (403) and anonymous callers (401)", async () => {
    expect((await api(`/api/v1/tokens`, { json: { name: "sneaky" } })).status).toBe(403);
    expect((await api(`/api/v1/tokens`)).status).toBe(403);
    expect((await api(`/api/v1/tokens`, { token: null })).status).toBe(401);
  });

  it("refuses to revoke the admin token (409) and answers 404 for an unknown id", async () => {
    const tokens = (await api<{ items: Token[] }>(`/api/v1/tokens`, asPerson)).body.items;
    const admin = tokens.find((t) => t.scope === "admin")!;
    expect((await api(`/api/v1/tokens/${admin.id}`, { method: "DELETE", ...asPerson })).status).toBe(409);
    expect((await api(`/api/v1/tokens/tok_missing`, { method: "DELETE", ...asPerson })).status).toBe(404);
  });
});
