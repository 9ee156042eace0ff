// Runtime configuration read from the environment, resolved once.
import path from "node:path";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./data/baton.db";
}

/** Absolute path of the SQLite file named by a `file:` URL. */
export function sqliteFilePath(url = databaseUrl()): string {
  const raw = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}

/** Folder holding the database and generated secrets. */
export function dataDir(): string {
  if (process.env.BATON_DATA_DIR) return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.BATON_DATA_DIR);
  return path.dirname(sqliteFilePath());
}

/**
 * The origin every link Baton stores or sends is built on (approval `url`, events, webhooks, redirects):
 * `BATON_PUBLIC_URL` behind a proxy, else the configured HOST/PORT. Never read from a request, so a
 * forged `Host` header cannot make a notification point elsewhere.
 */
export function publicUrl(): string {
  if (process.env.BATON_PUBLIC_URL) return new URL(process.env.BATON_PUBLIC_URL).origin;
  const host = process.env.HOST ?? "127.0.0.1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT ?? "3000"}`;
}

/**
 * Where this process itself listens, for calls it makes to its own API: the configured HOST/PORT (a wildcard
 * bind is reached on loopback), never a request's Host header and never BATON_PUBLIC_URL (a proxy may not loop back).
 */
export function selfOrigin(): string {
  const host = process.env.HOST ?? "127.0.0.1";
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${process.env.PORT ?? "3000"}`;
}
