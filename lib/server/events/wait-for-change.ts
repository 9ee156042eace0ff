// The long-poll behind `?wait=N`: read, and while the thing is not settled, sleep until a committed event
// concerning it arrives (from the event publisher, never by polling), the deadline passes or the client leaves.
import { publisher, type PublishedEvent } from "@/lib/server/events/publisher";

export type WaitSpec<T> = {
  read: () => Promise<T>;
  settled: (value: T) => boolean;
  concerns: (event: PublishedEvent) => boolean;
  waitSeconds: number;
  signal: AbortSignal;
  /** A time (ms since epoch) at which reading again may give a new answer without any event, such as an expiry applied on read. */
  wakeAt?: (value: T) => number | null;
};

export async function waitForChange<T>(spec: WaitSpec<T>): Promise<T> {
  let settle = () => {};
  const changed = new Promise<void>((resolve) => (settle = resolve));
  // Subscribe before the first read so a change committed in between still wakes us.
  const unsubscribe = publisher.subscribe((event) => {
    if (spec.concerns(event)) settle();
  });
  const timers: NodeJS.Timeout[] = [];
  try {
    const first = await spec.read();
    if (spec.settled(first) || spec.waitSeconds <= 0) return first;
    const deadline = Date.now() + spec.waitSeconds * 1000;
    const wakeAt = spec.wakeAt?.(first) ?? null;
    if (wakeAt !== null && wakeAt < deadline) timers.push(setTimeout(settle, Math.max(0, wakeAt - Date.now()) + 5));
    const timedOut = new Promise<void>((resolve) => timers.push(setTimeout(resolve, deadline - Date.now())));
    const aborted = new Promise<void>((resolve) => spec.signal.addEventListener("abort", () => resolve(), { once: true }));
    await Promise.race([changed, timedOut, aborted]);
    return spec.read();
  } finally {
    unsubscribe();
    timers.forEach(clearTimeout);
  }
}
