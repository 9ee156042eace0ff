// A second (third …) person in API tests: a real login, then that session is given the person's name.
// Until people can be invited through the API, this is how two distinct reviewers are arranged.
import { createHash } from "node:crypto";
import { client, type RequestOptions } from "./http";
import { loginCookie } from "./person";
import { testDb } from "./sqlite";

export type PersonRequest = ReturnType<typeof namedPersonClient> extends Promise<infer T> ? T : never;

export async function namedPersonClient(baseUrl: string, adminToken: string, name: string) {
  const cookie = await loginCookie(baseUrl, adminToken);
  const cookieValue = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  const tokenHash = createHash("sha256").update(cookieValue, "utf8").digest("hex");
  const { changes } = testDb().prepare(`UPDATE "Session" SET label = ? WHERE tokenHash = ?`).run(name, tokenHash);
  if (changes !== 1) throw new Error(`no session found for ${name}'s login`);
  const request = client(baseUrl, "");
  return <T = Record<string, unknown>>(path: string, options: RequestOptions = {}) =>
    request<T>(path, { ...options, token: null, headers: { cookie, origin: baseUrl, ...options.headers } });
}
