// Writes one Event row inside the caller's transaction; its webhook deliveries commit with it and it is
// published after commit.
import type { Tx } from "@/lib/server/db/transaction";
import { eventsWritten, onCommit } from "@/lib/server/db/transaction";
import { publisher } from "@/lib/server/events/publisher";
import { toPublishedEvent, type PublishedEvent } from "@/lib/server/events/published-event";
import type { EventPayload, EventType } from "@/lib/schemas/event";

export type NewEvent<T extends EventType = EventType> = {
  type: T;
  task?: { id: number; key: string } | null;
  actor?: string | null;
  payload: EventPayload<T>;
};

export async function appendEvent<T extends EventType>(tx: Tx, event: NewEvent<T>): Promise<PublishedEvent> {
  const row = await tx.event.create({
    data: {
      type: event.type,
      taskId: event.task?.id ?? null,
      taskKey: event.task?.key ?? null,
      actor: event.actor ?? null,
      payload: event.payload as object,
    },
  });
  const published = toPublishedEvent(row);
  announceEvents([published]);
  return published;
}

/**
 * Hands events written in the current transaction to the webhook outbox (their deliveries commit with them) and,
 * after commit, to the publisher. appendEvent calls it; a set-based writer that inserted events itself
 * (lib/server/checkpoints/checkpoint-store.ts) calls it too.
 */
export function announceEvents(events: PublishedEvent[]): void {
  eventsWritten(events);
  onCommit(() => {
    for (const event of events) publisher.publish(event);
  });
}
