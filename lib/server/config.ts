// Runtime configuration read from the environment, resolved once.
import path from "node:path";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./data/baton.db";
}

export function isPostgres(url = databaseUrl()): boolean {
  return /^postgres(ql)?:\/\//.test(url);
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
 * The origin people reach the dashboard at; used for CSRF checks and links.
 * `BATON_PUBLIC_URL` fixes it behind a proxy; otherwise it is the Host the request was sent to
 * (Next's `request.url` names the bind address, not what the browser used).
 */
export function publicOrigin(request?: Request): string {
  if (process.env.BATON_PUBLIC_URL) return new URL(process.env.BATON_PUBLIC_URL).origin;
  const host = request?.headers.get("host");
  if (host) return `http://${host}`;
  return `http://${process.env.HOST ?? "127.0.0.1"}:${process.env.PORT ?? "3000"}`;
}
