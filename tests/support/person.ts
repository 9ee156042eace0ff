// People in API tests: the owner logs in with the admin token, anyone else is invited with a role and logs
// in through their one-time link. Each sends the session cookie with the server's own Origin, exactly as
// the dashboard does.
import { client, type ApiResponse, type RequestOptions } from "./http";

export type PersonRole = "viewer" | "approver" | "admin";

export type PersonRequest = <T = Record<string, unknown>>(path: string, options?: RequestOptions) => Promise<ApiResponse<T>>;

/** A logged-in person: their name, session cookie, and a request function that sends it. */
export type LoggedInPerson = { name: string; role: PersonRole; cookie: string; request: PersonRequest };

export async function loginCookie(baseUrl: string, adminToken: string): Promise<string> {
  return sessionCookie(await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" }));
}

/** Opens an invite link against `baseUrl` (whatever origin the link names) and returns the session cookie. */
export async function acceptInvite(baseUrl: string, inviteUrl: string): Promise<string> {
  const { pathname, search } = new URL(inviteUrl);
  return sessionCookie(await fetch(`${baseUrl}${pathname}${search}`, { redirect: "manual" }));
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.get("set-cookie");
  if (!cookie) throw new Error(`login did not set a cookie (status ${response.status}, location ${response.headers.get("location")})`);
  return cookie.split(";")[0];
}

export function requestWithCookie(baseUrl: string, cookie: string): PersonRequest {
  const request = client(baseUrl, "");
  return (path, options = {}) => request(path, { ...options, token: null, headers: { cookie, origin: baseUrl, ...options.headers } });
}

/** The owner's session (the admin token's login), as a request function. */
export async function personClient(baseUrl: string, adminToken: string): Promise<PersonRequest> {
  return requestWithCookie(baseUrl, await loginCookie(baseUrl, adminToken));
}

let counter = 0;
/** A person name unique to this test run. */
export function uniquePersonName(prefix = "person"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** The owner invites a person with `role` (a fresh unique name unless given); returns the raw invite answer. */
export async function invite(baseUrl: string, adminToken: string, person: { role: PersonRole; name?: string; displayName?: string }) {
  const response = await client(baseUrl, adminToken)<{ name: string; inviteUrl: string }>(`/api/v1/people`, {
    json: { name: person.name ?? uniquePersonName(person.role), role: person.role, ...(person.displayName && { displayName: person.displayName }) },
  });
  if (response.status !== 201) throw new Error(`inviting failed (${response.status}): ${response.text}`);
  return response.body;
}

/** A new person with `role`, invited by the owner and logged in through their invite. */
export async function loggedInPerson(
  baseUrl: string,
  adminToken: string,
  person: { role: PersonRole; name?: string; displayName?: string },
): Promise<LoggedInPerson> {
  const { name, inviteUrl } = await invite(baseUrl, adminToken, person);
  const cookie = await acceptInvite(baseUrl, inviteUrl);
  return { name, role: person.role, cookie, request: requestWithCookie(baseUrl, cookie) };
}
