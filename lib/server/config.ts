// Runtime configuration read from the environment, resolved once.
import path from "node:path";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || "file:./data/baton.db";
}

export type DatabaseProvider = "sqlite" | "postgresql";

/**
 * Which database a URL names: `postgresql://…`/`postgres://…` is PostgreSQL, `file:…` or a plain path is a
 * SQLite file. Any other scheme is refused, so a typo never becomes a file or folder named after it.
 */
export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (/^file:/i.test(url)) return "sqlite";
  // Two or more letters before a colon is a scheme; one is a Windows drive letter.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url);
  if (scheme) {
    throw new Error(
      `DATABASE_URL uses the unsupported scheme "${scheme[1]}:". Use postgresql://user:password@host:5432/database for PostgreSQL, or file:./data/baton.db (or a plain path) for SQLite.`,
    );
  }
  return "sqlite";
}

/** Absolute path of the SQLite file named by a `file:` URL or a plain path. */
export function sqliteFilePath(url = databaseUrl()): string {
  if (databaseProvider(url) !== "sqlite") throw new Error("DATABASE_URL names a PostgreSQL database, not a SQLite file.");
  const raw = url.replace(/^file:/i, "").replace(/\?.*$/, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}

/** Folder holding generated secrets (and, on SQLite, the database file): BATON_DATA_DIR, else beside the SQLite file, else ./data. */
export function dataDir(): string {
  if (process.env.BATON_DATA_DIR) return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.BATON_DATA_DIR);
  if (databaseProvider() === "postgresql") return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
  return path.dirname(sqliteFilePath());
}

/** The database URL with any password replaced, for logs and the start banner. */
export function redactedDatabaseUrl(url = databaseUrl()): string {
  if (databaseProvider(url) === "sqlite") return sqliteFilePath(url);
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
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
