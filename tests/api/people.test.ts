// People and roles: invites shown once and used once, /me, role changes and removal holding at once, and
// agent tokens remembering the person who created them.
import { describe, expect, it } from "vitest";
import { adminToken, agentToken, api, baseUrl, uniqueKey } from "./context";
import { acceptInvite, invite, loggedInPerson, personClient, requestWithCookie, uniquePersonName } from "../support/person";
import { jsonValue } from "../support/database";
import { testDb } from "../support/test-db";

const asOwner = { token: adminToken };

async function openInvite(inviteUrl: string) {
  const { pathname, search } = new URL(inviteUrl);
  return fetch(`${baseUrl}${pathname}${search}`, { redirect: "manual" });
}

describe("POST /api/v1/people", () => {
  it("adds a person and answers 201 with a one-time invite link on the server's public origin", async () => {
    const name = uniquePersonName("alice");
    const response = await api<Record<string, unknown>>(`/api/v1/people`, { ...asOwner, json: { name, displayName: "Alice Example", role: "approver" } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name, displayName: "Alice Example", role: "approver", createdBy: "owner", joined: false });
    const inviteUrl = new URL(response.body.inviteUrl as string);
    expect(inviteUrl.origin).toBe(baseUrl);
    expect(inviteUrl.pathname).toBe("/login");
    const expires = Date.parse(response.body.inviteExpiresAt as string) - Date.now();
    expect(expires).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(expires).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);

    // Stored hashed: the secret appears nowhere in the database, and the list never shows a link.
    const secret = inviteUrl.searchParams.get("invite")!;
    expect(await testDb().query(`SELECT COUNT(*) AS n FROM "Invite" WHERE "secretHash" = ?`, secret)).toEqual([{ n: 0 }]);
    const listed = await api<{ items: Record<string, unknown>[] }>(`/api/v1/people`, asOwner);
    expect(listed.body.items.find((p) => p.name === name)).not.toHaveProperty("inviteUrl");
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });

  it("shows the name as the display name when none is given", async () => {
    const person = await invite(baseUrl, adminToken, { role: "viewer" });
    expect(person).toMatchObject({ displayName: person.name });
  });

  it("refuses a taken name (409), a name that is not a slug (422) and an unknown role (422), changing nothing", async () => {
    const { name } = await invite(baseUrl, adminToken, { role: "viewer" });
    const duplicate = await api(`/api/v1/people`, { ...asOwner, json: { name, role: "admin" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get("content-type")).toContain("application/problem+json");
    const owner = await api(`/api/v1/people`, { ...asOwner, json: { name: "owner", role: "viewer" } });
    expect(owner.status).toBe(409);
    for (const json of [{ name: "Alice Smith", role: "viewer" }, { name: "-alice", role: "viewer" }, { name: uniquePersonName(), role: "root" }, { role: "viewer" }]) {
      const response = await api(`/api/v1/people`, { ...asOwner, json });
      expect(response.status, JSON.stringify(json)).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    const people = await api<{ items: { name: string; role: string }[] }>(`/api/v1/people`, asOwner);
    expect(people.body.items.filter((p) => p.name === name)).toEqual([expect.objectContaining({ role: "viewer" })]);
    expect(people.body.items[0]).toMatchObject({ name: "owner", role: "admin" });
  });
});

describe("an invite link", () => {
  it("logs its person in once: a second opening is refused with a message on the login page", async () => {
    const { name, inviteUrl } = await invite(baseUrl, adminToken, { role: "viewer", displayName: "Vera Viewer" });
    const first = await openInvite(inviteUrl);
    expect(first.status).toBe(303);
    expect(new URL(first.headers.get("location")!).pathname).toBe("/");
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^baton_session=/);
    expect(cookie).toContain("HttpOnly");
    const me = await requestWithCookie(baseUrl, cookie.split(";")[0])(`/api/v1/me`);
    expect(me).toMatchObject({ status: 200, body: { name, displayName: "Vera Viewer", role: "viewer" } });

    const second = await openInvite(inviteUrl);
    expect(second.status).toBe(303);
    expect(second.headers.get("set-cookie")).toBeNull();
    expect(second.headers.get("location")).toBe(`${baseUrl}/?login=invite-used`);
    const page = await (await fetch(second.headers.get("location")!)).text();
    expect(page).toContain("This invite link was already used");
    const listed = await api<{ items: Record<string, unknown>[] }>(`/api/v1/people`, asOwner);
    expect(listed.body.items.find((p) => p.name === name)).toMatchObject({ joined: true, inviteExpiresAt: null });
  });

  it("opens nothing after 7 days", async () => {
    const { name, inviteUrl } = await invite(baseUrl, adminToken, { role: "approver" });
    const db = testDb();
    await db.query(`UPDATE "Invite" SET "expiresAt" = ? WHERE "personName" = ?`, await db.storedDate(new Date(Date.now() - 1000)), name);
    const response = await openInvite(inviteUrl);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("location")).toBe(`${baseUrl}/?login=invite-expired`);
    expect(await (await fetch(response.headers.get("location")!)).text()).toContain("This invite link has expired");
  });

  it("opens nothing when made up, and a new invite replaces the earlier unused one", async () => {
    const unknown = await fetch(`${baseUrl}/login?invite=baton_inv_made-up`, { redirect: "manual" });
    expect(unknown.headers.get("set-cookie")).toBeNull();
    expect(unknown.headers.get("location")).toBe(`${baseUrl}/?login=invite-unknown`);

    const { name, inviteUrl: first } = await invite(baseUrl, adminToken, { role: "viewer" });
    const again = await api<{ inviteUrl: string }>(`/api/v1/people/${name}/invites`, { ...asOwner, method: "POST" });
    expect(again.status).toBe(201);
    expect(again.body.inviteUrl).not.toBe(first);
    expect((await openInvite(first)).headers.get("location")).toBe(`${baseUrl}/?login=invite-unknown`);
    const cookie = await acceptInvite(baseUrl, again.body.inviteUrl);
    expect((await requestWithCookie(baseUrl, cookie)(`/api/v1/me`)).body).toMatchObject({ name });

    expect((await api(`/api/v1/people/nobody-here/invites`, { ...asOwner, method: "POST" })).status).toBe(404);
    expect((await api(`/api/v1/people/owner/invites`, { ...asOwner, method: "POST" })).status).toBe(409);
  });
});

describe("GET /api/v1/me", () => {
  it("names the owner for the admin token's login and the admin token itself, and refuses agent tokens", async () => {
    const owner = await personClient(baseUrl, adminToken);
    expect((await owner(`/api/v1/me`)).body).toEqual({ name: "owner", displayName: "Owner", role: "admin" });
    expect((await api(`/api/v1/me`, asOwner)).body).toEqual({ name: "owner", displayName: "Owner", role: "admin" });
    const agent = await api(`/api/v1/me`);
    expect(agent.status).toBe(403);
    expect(agent.headers.get("content-type")).toContain("application/problem+json");
    expect((await api(`/api/v1/me`, { token: null })).status).toBe(401);
  });
});

describe("PATCH /api/v1/people/{name}", () => {
  it("changes a role, which holds from the person's very next request", async () => {
    const bob = await loggedInPerson(baseUrl, adminToken, { role: "viewer" });
    const key = uniqueKey("roles");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Role change" } });
    const blocked = await bob.request(`/api/v1/people`);
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ type: expect.stringMatching(/role-required$/), requiredRole: "admin", role: "viewer" });

    const changed = await api(`/api/v1/people/${bob.name}`, { ...asOwner, method: "PATCH", json: { role: "admin", displayName: "Bob Builder" } });
    expect(changed).toMatchObject({ status: 200, body: { name: bob.name, role: "admin", displayName: "Bob Builder" } });
    expect((await bob.request(`/api/v1/people`)).status).toBe(200);
    expect((await bob.request(`/api/v1/me`)).body).toEqual({ name: bob.name, displayName: "Bob Builder", role: "admin" });
  });

  it("keeps the owner an admin (409), refuses an empty change (422) and an unknown person (404)", async () => {
    expect((await api(`/api/v1/people/owner`, { ...asOwner, method: "PATCH", json: { role: "viewer" } })).status).toBe(409);
    expect((await api(`/api/v1/people/owner`, { ...asOwner, method: "PATCH", json: {} })).status).toBe(422);
    expect((await api(`/api/v1/people/nobody-here`, { ...asOwner, method: "PATCH", json: { role: "viewer" } })).status).toBe(404);
    expect((await api(`/api/v1/people/Not%20A%20Slug`, { ...asOwner, method: "PATCH", json: { role: "viewer" } })).status).toBe(422);
    expect((await api(`/api/v1/me`, asOwner)).body).toMatchObject({ role: "admin" });
  });
});

describe("DELETE /api/v1/people/{name}", () => {
  it("ends the person's sessions at once and keeps what they decided in the audit log", async () => {
    const carol = await loggedInPerson(baseUrl, adminToken, { role: "approver" });
    const key = uniqueKey("removal");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Removal" } });
    const asked = await api<{ id: number }>(`/api/v1/tasks/${key}/blockers`, { json: { title: "Region?", kind: "decision", question: "Which region?" } });
    const answered = await carol.request(`/api/v1/tasks/${key}/blockers/${asked.body.id}/answer`, { json: { answer: "eu-west-1" } });
    expect(answered.body).toMatchObject({ answeredBy: `person:${carol.name}` });

    const removed = await api(`/api/v1/people/${carol.name}`, { ...asOwner, method: "DELETE" });
    expect(removed.status).toBe(204);
    expect((await carol.request(`/api/v1/tasks`)).status).toBe(401);
    expect((await api(`/api/v1/people/${carol.name}`, { ...asOwner, method: "DELETE" })).status).toBe(404);
    const log = await api<{ items: { type: string; actor: string }[] }>(`/api/v1/tasks/${key}/events`);
    expect(log.body.items.find((e) => e.type === "blocker.resolved")).toMatchObject({ actor: `person:${carol.name}` });

    // The name is free again: a new invite makes a new person with it.
    const again = await loggedInPerson(baseUrl, adminToken, { role: "viewer", name: carol.name });
    expect((await again.request(`/api/v1/me`)).body).toMatchObject({ name: carol.name, role: "viewer" });
  });

  it("never removes the owner", async () => {
    const response = await api(`/api/v1/people/owner`, { ...asOwner, method: "DELETE" });
    expect(response.status).toBe(409);
    expect((await api(`/api/v1/me`, asOwner)).status).toBe(200);
  });
});

describe("who did what", () => {
  it("records the person who created an agent token, and the owner for the admin token and npm start's tokens", async () => {
    const dana = await loggedInPerson(baseUrl, adminToken, { role: "admin" });
    const botName = uniqueKey("dana-bot");
    const made = await dana.request<{ id: string; createdBy: string; token: string }>(`/api/v1/tokens`, { json: { name: botName } });
    expect(made).toMatchObject({ status: 201, body: { createdBy: dana.name } });
    const byOwner = await api<{ createdBy: string }>(`/api/v1/tokens`, { ...asOwner, json: { name: uniqueKey("owner-bot") } });
    expect(byOwner.body.createdBy).toBe("owner");
    const listed = await api<{ items: { id: string; scope: string; name: string; createdBy: string }[] }>(`/api/v1/tokens`, asOwner);
    expect(listed.body.items.find((t) => t.id === made.body.id)).toMatchObject({ createdBy: dana.name });
    for (const bootstrap of listed.body.items.filter((t) => t.name.endsWith("(from npm start)"))) expect(bootstrap.createdBy).toBe("owner");

    // What the token then does is the token's act; the audit log names it, not the person.
    const key = uniqueKey("made-by-dana");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", token: made.body.token, json: { title: "From Dana's bot" } });
    const log = await api<{ items: { actor: string }[] }>(`/api/v1/tasks/${key}/events`, { token: agentToken });
    expect(log.body.items[0].actor).toBe(`token:${botName}`);
  });

  it("writes each change to people into the audit log under the admin who made it", async () => {
    const erin = await loggedInPerson(baseUrl, adminToken, { role: "admin" });
    const { name } = await invite(baseUrl, adminToken, { role: "viewer" });
    await erin.request(`/api/v1/people/${name}`, { method: "PATCH", json: { role: "approver" } });
    await erin.request(`/api/v1/people/${name}`, { method: "DELETE" });
    const rows = (await testDb().query<{ actor: string; payload: unknown }>(`SELECT "actor", "payload" FROM "Event" WHERE "type" = 'person.updated' ORDER BY "seq"`))
      .map((row) => ({ actor: row.actor, payload: jsonValue<{ person: string; change: string; role: string }>(row.payload) }))
      .filter((row) => row.payload.person === name);
    expect(rows.map((row) => [row.actor, row.payload.change, row.payload.role])).toEqual([
      ["person:owner", "invited", "viewer"],
      [`person:${erin.name}`, "changed", "approver"],
      [`person:${erin.name}`, "removed", "approver"],
    ]);
  });
});
