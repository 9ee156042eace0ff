import { describe, expect, it } from "vitest";
import { adminToken, agentToken, api, baseUrl } from "./context";

describe("GET /login", () => {
  it("turns the admin token into an HttpOnly SameSite session cookie and redirects to /", async () => {
    const response = await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^baton_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const session = cookie.split(";")[0];
    const tasks = await api(`/api/v1/tasks`, { token: null, headers: { cookie: session } });
    expect(tasks.status).toBe(200);
  });

  it("refuses the agent token as a login", async () => {
    const response = await fetch(`${baseUrl}/login?token=${agentToken}`, { redirect: "manual" });
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("location")).toContain("login=invalid");
  });

  it("shows the login page, not the tasks, without a session", async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    expect(html).toContain("Log in to Baton");
  });

  it("ends the session on logout", async () => {
    const login = await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" });
    const session = login.headers.get("set-cookie")!.split(";")[0];
    const logout = await fetch(`${baseUrl}/logout`, { method: "POST", headers: { cookie: session, origin: baseUrl }, redirect: "manual" });
    expect(logout.status).toBe(303);
    expect((await api(`/api/v1/tasks`, { token: null, headers: { cookie: session } })).status).toBe(401);
  });
});
