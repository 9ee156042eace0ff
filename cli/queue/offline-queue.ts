// The offline queue: writes that could not reach Baton, one JSON line each, in the order they were made.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BatchOperation } from "@/lib/schemas/batch";
import { acquireLock } from "@/cli/queue/queue-lock";

export type QueueEntry = { idempotencyKey: string; queuedAt: string; operation: Omit<BatchOperation, "idempotencyKey"> };

/** How long a command waits for another baton process that holds the queue (a flush in progress). */
const LOCK_WAIT_MS = 30_000;

export function defaultQueueFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.BATON_QUEUE || path.join(os.homedir(), ".baton", "queue.jsonl");
}

export function newIdempotencyKey(): string {
  return `baton-cli-${randomUUID()}`;
}

export class OfflineQueue {
  readonly lockFile: string;
  /** Operations the server refused while flushing, kept for a person to read. */
  readonly rejectedFile: string;

  constructor(readonly file: string) {
    this.lockFile = `${file}.lock`;
    this.rejectedFile = `${file}.rejected.jsonl`;
  }

  isEmpty(): boolean {
    try {
      return fs.statSync(this.file).size === 0;
    } catch {
      return true;
    }
  }

  /** Runs `fn` holding the queue's lock, so no other baton process reads or rewrites it meanwhile. */
  async locked<T>(fn: () => Promise<T>): Promise<T> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const release = await acquireLock(this.lockFile, LOCK_WAIT_MS);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Appends under the lock; returns how many entries now wait. */
  async append(entry: QueueEntry): Promise<number> {
    return this.locked(async () => {
      const existing = this.readUnlocked();
      // A crash mid-append can leave a line without its newline: start ours on a fresh line.
      const separator = fs.existsSync(this.file) && !endsWithNewline(this.file) ? "\n" : "";
      fs.appendFileSync(this.file, `${separator}${JSON.stringify(entry)}\n`, { mode: 0o600 });
      return existing.length + 1;
    });
  }

  /** Call only while holding the lock. Unreadable lines (a torn write) are skipped. */
  readUnlocked(): QueueEntry[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch {
      return [];
    }
    return text.split("\n").flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const entry = JSON.parse(line) as QueueEntry;
        return typeof entry.idempotencyKey === "string" && entry.operation ? [entry] : [];
      } catch {
        return [];
      }
    });
  }

  /** Call only while holding the lock: drops the given entries by writing a new file and renaming it over the old. */
  removeUnlocked(keys: Set<string>): void {
    const remaining = this.readUnlocked().filter((entry) => !keys.has(entry.idempotencyKey));
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, remaining.map((entry) => `${JSON.stringify(entry)}\n`).join(""), { mode: 0o600 });
    fs.renameSync(temporary, this.file);
  }

  recordRejected(entry: QueueEntry, problem: unknown): void {
    fs.appendFileSync(this.rejectedFile, `${JSON.stringify({ ...entry, rejectedAt: new Date().toISOString(), problem })}\n`, { mode: 0o600 });
  }
}

function endsWithNewline(file: string): boolean {
  const size = fs.statSync(file).size;
  if (size === 0) return true;
  const fd = fs.openSync(file, "r");
  try {
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}
