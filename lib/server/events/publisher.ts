// Fan-out of committed events to live subscribers (SSE streams, long-polls, webhooks).
// In-process on SQLite; on PostgreSQL the same interface also carries every other instance's events
// (lib/server/events/log-tail-publisher.ts, woken by LISTEN/NOTIFY on `baton_events`).
import { EventEmitter } from "node:events";
import { clusterBus, EVENTS_CHANNEL } from "@/lib/server/cluster/cluster";
import { LatestNotice } from "@/lib/server/cluster/latest-notice";
import { LogTailPublisher } from "@/lib/server/events/log-tail-publisher";
import type { PublishedEvent } from "@/lib/server/events/published-event";

export type { PublishedEvent } from "@/lib/server/events/published-event";

export interface EventPublisher {
  /** Called once at server start, before requests. */
  start(): Promise<void>;
  publish(event: PublishedEvent): void;
  subscribe(listener: (event: PublishedEvent) => void): () => void;
}

class InProcessPublisher implements EventPublisher {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async start(): Promise<void> {}

  publish(event: PublishedEvent): void {
    this.emitter.emit("event", event);
  }

  subscribe(listener: (event: PublishedEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }
}

/** What a `baton_events` notification carries: who committed, and the highest seq it committed. */
type EventsNotice = { instance: string; seq: number };

function parseEventsNotice(payload: string): EventsNotice | null {
  try {
    const notice = JSON.parse(payload) as Partial<EventsNotice>;
    return typeof notice.instance === "string" && Number.isSafeInteger(notice.seq) ? (notice as EventsNotice) : null;
  } catch {
    return null;
  }
}

function createPublisher(): EventPublisher {
  const bus = clusterBus();
  if (!bus) return new InProcessPublisher();
  const notice = new LatestNotice(bus, EVENTS_CHANNEL, (seq) => JSON.stringify({ instance: bus.instanceId, seq } satisfies EventsNotice));
  const tail = new LogTailPublisher({ announce: (seq) => notice.send(seq) });
  bus.listen(EVENTS_CHANNEL, (payload) => {
    const received = parseEventsNotice(payload);
    if (received && received.instance !== bus.instanceId) tail.committedElsewhere(received.seq);
  });
  // Notifications sent or missed while disconnected: announce ours again, read what the others committed.
  bus.onConnected(() => {
    notice.resend();
    void tail.catchUp();
  });
  return tail;
}

const globalForEvents = globalThis as unknown as { batonPublisher?: EventPublisher };

export const publisher: EventPublisher = globalForEvents.batonPublisher ?? (globalForEvents.batonPublisher = createPublisher());
