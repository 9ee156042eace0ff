// Server-Sent Events: replay from the log after Last-Event-ID, then live events, with keep-alives.
// Written only as fast as the client reads: each pull() sends one page of the log or the live events
// queued since the last one, so a client that stops reading holds at most a page in memory, and is
// dropped once it has made no progress for a while.
import { reader } from "@/lib/server/db/transaction";
import { toPublishedEvent } from "@/lib/server/events/published-event";
import { publisher, type PublishedEvent } from "@/lib/server/events/publisher";

const DEFAULT_KEEP_ALIVE_MS = 15_000;
const DEFAULT_STALL_MS = 60_000;
const REPLAY_PAGE = 100;
// Past this many live events waiting for a slow client, they are dropped and read back from the log.
const MAX_QUEUED_EVENTS = 256;

function positiveIntegerEnv(name: string, fallback: number): number {
  const configured = Number(process.env[name]);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

/** Idle connections get a comment line this often so proxies and clients keep them open. */
const keepAliveMs = () => positiveIntegerEnv("BATON_SSE_KEEPALIVE_MS", DEFAULT_KEEP_ALIVE_MS);
/** A client that takes nothing from its stream for this long is dropped. */
const stallMs = () => positiveIntegerEnv("BATON_SSE_STALL_MS", DEFAULT_STALL_MS);

/** The seq a reconnecting EventSource last saw, from its `Last-Event-ID` header. */
export function lastEventId(request: Request): number | null {
  const header = request.headers.get("last-event-id")?.trim();
  return header && /^\d+$/.test(header) ? Number(header) : null;
}

export function formatSse(event: PublishedEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

async function logPage(afterSeq: number, taskKey: string | undefined): Promise<PublishedEvent[]> {
  const db = await reader();
  const rows = await db.event.findMany({
    where: { seq: { gt: afterSeq }, ...(taskKey && { taskKey }) },
    orderBy: { seq: "asc" },
    take: REPLAY_PAGE,
  });
  return rows.map(toPublishedEvent);
}

export type EventStreamOptions = {
  taskKey?: string;
  /** Replay the log after this seq first; null goes live at once. */
  afterSeq: number | null;
  signal: AbortSignal;
};

export function eventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const matches = (event: PublishedEvent) => !options.taskKey || event.taskKey === options.taskKey;
  let lastSent = options.afterSeq ?? 0;
  // While replaying, the log is read page by page and live events are only counted: each one is
  // committed before it is published, so a later page finds it.
  let replaying = options.afterSeq !== null;
  let publishedWhileReplaying = 0;
  const queued: PublishedEvent[] = [];
  let keepAliveDue = false;
  // The client is waiting for us while a pull runs; between pulls, the clock says how long it has not read.
  let pulling = false;
  let lastPullAt = Date.now();
  let closed = false;
  let wake = () => {};
  let controller: ReadableStreamDefaultController<Uint8Array>;

  const unsubscribe = publisher.subscribe((event) => {
    if (!matches(event)) return;
    if (replaying) publishedWhileReplaying += 1;
    else if (queued.push(event) > MAX_QUEUED_EVENTS) {
      queued.length = 0;
      replaying = true;
      publishedWhileReplaying += 1;
    }
    wake();
  });
  const keepAlive = setInterval(() => {
    keepAliveDue = true;
    wake();
  }, keepAliveMs());
  const stallLimit = stallMs();
  const watchdog = setInterval(() => {
    if (!pulling && Date.now() - lastPullAt > stallLimit) {
      close();
      // An AbortError: Next then ends the response as it does for a client that went away.
      controller.error(new DOMException("The client stopped reading its event stream.", "AbortError"));
    }
  }, Math.min(stallLimit, 1_000));

  function close() {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    clearInterval(watchdog);
    unsubscribe();
    options.signal.removeEventListener("abort", abort);
    wake();
  }
  function abort() {
    close();
    try {
      controller.close();
    } catch {
      // already closed or errored
    }
  }
  const send = (text: string) => controller.enqueue(encoder.encode(text));
  const sendEvents = (events: PublishedEvent[]) => {
    const fresh = events.filter((event) => event.seq > lastSent);
    if (fresh.length === 0) return false;
    send(fresh.map(formatSse).join(""));
    lastSent = fresh[fresh.length - 1].seq;
    return true;
  };

  /** Sends the next page of the log; switches to live events once the log has nothing newer. */
  async function replayNext(): Promise<boolean> {
    const publishedBefore = publishedWhileReplaying;
    const page = await logPage(lastSent, options.taskKey);
    if (closed) return false;
    // Nothing published during the read means nothing committed after it yet: live events from here on.
    if (page.length < REPLAY_PAGE && publishedWhileReplaying === publishedBefore) replaying = false;
    return sendEvents(page);
  }

  /** Sends the next page of the log, the queued live events, or a keep-alive: whichever comes first. */
  async function sendNext(): Promise<void> {
    while (!closed) {
      if (replaying) {
        if (await replayNext()) return;
      } else if (queued.length > 0) {
        if (sendEvents(queued.splice(0))) return;
      } else if (keepAliveDue) {
        keepAliveDue = false;
        return send(`: keep-alive ${new Date().toISOString()}\n\n`);
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  }

  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        if (options.signal.aborted) return abort();
        options.signal.addEventListener("abort", abort);
        send(`retry: 2000\n: connected\n\n`);
      },
      async pull() {
        pulling = true;
        try {
          await sendNext();
        } finally {
          pulling = false;
          lastPullAt = Date.now();
        }
      },
      cancel() {
        close();
      },
    },
    // Nothing is produced ahead of a read: the chunk in flight to the socket is all a stalled client holds.
    new CountQueuingStrategy({ highWaterMark: 0 }),
  );
}
