// A second (third …) person in API tests: a real login, then that session is given the person's name.
// Until people can be invited through the API, this is how two distinct reviewers are arranged.
import { createHash } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { client, type RequestOptions } from "./http";
import { loginCookie } from "./person";
import { testDb } from "./sqlite";

export type PersonRequest = ReturnType<typeof namedPersonClient> extends Promise<infer T> ? T : never;

export async function namedPersonClient(baseUrl: string, adminToken: string, name: string) {
  const cookie = await loginCookie(baseUrl, adminToken);
  const cookieValue = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  const tokenHash = createHash("sha256").update(cookieValue, "utf8").digest("hex");
  if ((await renameSession(tokenHash, name)) !== 1) throw new Error(`no session found for ${name}'s login`);
  const request = client(baseUrl, "");
  return <T = Record<string, unknown>>(path: string, options: RequestOptions = {}) =>
    request<T>(path, { ...options, token: null, headers: { cookie, origin: baseUrl, ...options.headers } });
}

async function renameSession(tokenHash: string, name: string): Promise<number> {
  const databaseUrl = inject("databaseUrl");
  if (!databaseUrl.startsWith("postgresql:")) return testDb().prepare(`UPDATE "Session" SET label = ? WHERE "tokenHash" = ?`).run(name, tokenHash).changes;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query(`UPDATE "Session" SET label = $1 WHERE "tokenHash" = $2`, [name, tokenHash])).rowCount ?? 0;
  } finally {
    await db.end();
  }
}
