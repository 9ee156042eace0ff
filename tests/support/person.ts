// A person in API tests: logs in with the admin token and sends the session cookie with the
// server's own Origin, exactly as the dashboard does.
import { client, type RequestOptions } from "./http";

export async function loginCookie(baseUrl: string, adminToken: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" });
  const cookie = response.headers.get("set-cookie");
  if (!cookie) throw new Error(`login did not set a cookie (status ${response.status})`);
  return cookie.split(";")[0];
}

export async function personClient(baseUrl: string, adminToken: string) {
  const cookie = await loginCookie(baseUrl, adminToken);
  const request = client(baseUrl, "");
  return <T = Record<string, unknown>>(path: string, options: RequestOptions = {}) =>
    request<T>(path, { ...options, token: null, headers: { cookie, origin: baseUrl, ...options.headers } });
}
