// An exclusive lock file beside the queue: one process at a time appends to, flushes or rewrites the queue.
// A lock left by a process that died (crash mid-flush) is taken over; the idempotency keys make the resend harmless.
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export class QueueBusyError extends Error {
  constructor(lockFile: string) {
    super(`Another baton process holds ${lockFile}; try again when it has finished.`);
    this.name = "QueueBusyError";
  }
}

export async function acquireLock(lockFile: string, timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, "wx", 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (holderIsGone(lockFile)) {
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new QueueBusyError(lockFile);
    await sleep(50);
  }
}

function holderIsGone(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile, "utf8"));
  } catch {
    return false;
  }
  // An empty file is a lock being written right now.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
