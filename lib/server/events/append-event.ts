// Writes one Event row inside the caller's transaction and publishes it after commit.
import type { Tx } from "@/lib/server/db/transaction";
import { onCommit } from "@/lib/server/db/transaction";
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
  onCommit(() => publisher.publish(published));
  return published;
}

/** Publishes, after commit, events a set-based writer inserted itself (lib/server/checkpoints/checkpoint-store.ts). */
export function publishAfterCommit(events: PublishedEvent[]): void {
  onCommit(() => {
    for (const event of events) publisher.publish(event);
  });
}
