// Fan-out of committed events to live subscribers (SSE streams, long-polls, webhooks).
// In-process today; a PostgreSQL LISTEN/NOTIFY publisher can implement the same interface.
import { EventEmitter } from "node:events";
import type { z } from "zod";
import type { storedEventSchema } from "@/lib/schemas/event";

export type PublishedEvent = z.infer<typeof storedEventSchema>;

export interface EventPublisher {
  publish(event: PublishedEvent): void;
  subscribe(listener: (event: PublishedEvent) => void): () => void;
}

class InProcessPublisher implements EventPublisher {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(event: PublishedEvent): void {
    this.emitter.emit("event", event);
  }

  subscribe(listener: (event: PublishedEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }
}

const globalForEvents = globalThis as unknown as { batonPublisher?: EventPublisher };

export const publisher: EventPublisher = globalForEvents.batonPublisher ?? (globalForEvents.batonPublisher = new InProcessPublisher());
