// The data folder and the SQLite files hold webhook secrets and token hashes: only Baton's user may read them.
import fs from "node:fs";
import path from "node:path";

/** Creates a missing data folder as 0700; a folder that already exists (perhaps the project root) is left alone. */
export function ensurePrivateDir(dir: string): void {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Makes the database file exist with mode 0600 before SQLite opens it (SQLite gives the -wal and -shm files
 * the database file's mode), and tightens the three files of an existing database.
 */
export function ensurePrivateSqliteFiles(dbFile: string): void {
  ensurePrivateDir(path.dirname(dbFile));
  fs.closeSync(fs.openSync(dbFile, "a", 0o600));
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  }
}
