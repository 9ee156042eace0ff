// Server-Sent Events: replay from the log after Last-Event-ID, then live events, with keep-alives.
import { reader } from "@/lib/server/db/transaction";
import { toPublishedEvent } from "@/lib/server/events/append-event";
import { publisher, type PublishedEvent } from "@/lib/server/events/publisher";

const DEFAULT_KEEP_ALIVE_MS = 15_000;
const REPLAY_PAGE = 500;

/** Idle connections get a comment line this often so proxies and clients keep them open. */
function keepAliveMs(): number {
  const configured = Number(process.env.BATON_SSE_KEEPALIVE_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_KEEP_ALIVE_MS;
}

/** The seq a reconnecting EventSource last saw, from its `Last-Event-ID` header. */
export function lastEventId(request: Request): number | null {
  const header = request.headers.get("last-event-id")?.trim();
  return header && /^\d+$/.test(header) ? Number(header) : null;
}

export function formatSse(event: PublishedEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export function eventStream(options: { taskKey?: string; afterSeq: number | null; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const matches = (event: PublishedEvent) => !options.taskKey || event.taskKey === options.taskKey;
      // Subscribe before replaying so nothing committed meanwhile is missed; buffer until replay ends.
      let lastSent = options.afterSeq ?? 0;
      let buffer: PublishedEvent[] | null = [];
      const deliver = (event: PublishedEvent) => {
        if (event.seq <= lastSent || !matches(event)) return;
        lastSent = event.seq;
        send(formatSse(event));
      };
      const unsubscribe = publisher.subscribe((event) => (buffer ? buffer.push(event) : deliver(event)));
      const keepAlive = setInterval(() => send(`: keep-alive ${new Date().toISOString()}\n\n`), keepAliveMs());
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      options.signal.addEventListener("abort", close);

      send(`retry: 2000\n: connected\n\n`);
      if (options.afterSeq !== null) {
        const db = await reader();
        for (;;) {
          const rows = await db.event.findMany({
            where: { seq: { gt: lastSent }, ...(options.taskKey && { taskKey: options.taskKey }) },
            orderBy: { seq: "asc" },
            take: REPLAY_PAGE,
          });
          rows.map(toPublishedEvent).forEach(deliver);
          if (rows.length < REPLAY_PAGE || closed) break;
        }
      }
      const pending = buffer;
      buffer = null;
      pending.forEach(deliver);
    },
    cancel() {
      cleanup();
    },
  });
}
