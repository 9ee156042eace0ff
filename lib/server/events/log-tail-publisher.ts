// The publisher when several instances share one PostgreSQL database: every instance hands its subscribers
// every committed event — its own and the others' — exactly once and in seq order, by tailing the event log.
//
// Writes commit in seq order (lib/server/cluster/write-order.ts), so an event seen in the log means every
// lower seq is settled: committed and readable, or rolled back and never coming. A local commit whose events
// follow the last one handed out is passed on at once; anything else (another instance's NOTIFY, a gap, a
// reconnect) reads the log after the last seq handed out. Readers never trust a notification's content,
// only its hint that the log grew, so a lost, late or reordered NOTIFY costs nothing but latency.
import { EventEmitter } from "node:events";
import { reader } from "@/lib/server/db/transaction";
import type { EventPublisher } from "@/lib/server/events/publisher";
import { toPublishedEvent, type PublishedEvent } from "@/lib/server/events/published-event";

const PAGE = 500;

export type LogTailOptions = {
  /** Tells the other instances that the log grew up to `seq` (after a local commit). */
  announce: (seq: number) => void;
};

export class LogTailPublisher implements EventPublisher {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  /** The highest seq handed to subscribers; null until the log's end is known. */
  private lastSeq: number | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;

  constructor(private readonly options: LogTailOptions) {}

  /** Starts at the log's current end: subscribers get what commits from now on. */
  async start(): Promise<void> {
    const db = await reader();
    const last = await db.event.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
    this.lastSeq = Math.max(this.lastSeq ?? 0, last?.seq ?? 0);
  }

  /** A local commit's event (called after commit, in order within a transaction). */
  publish(event: PublishedEvent): void {
    if (this.lastSeq === null || event.seq === this.lastSeq + 1) this.emit(event);
    else if (event.seq > this.lastSeq) this.catchUp();
    this.options.announce(event.seq);
  }

  /** Another instance committed events up to `seq`. */
  committedElsewhere(seq: number): void {
    if (this.lastSeq === null || seq > this.lastSeq) this.catchUp();
  }

  subscribe(listener: (event: PublishedEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }

  /** Reads the log after the last seq handed out, page by page; calls made meanwhile coalesce into one more read. */
  catchUp(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          if (this.lastSeq === null) await this.start();
          while ((await this.readPage()) === PAGE);
        } while (this.readAgain);
      } catch (error) {
        console.error("[events] reading the event log failed:", error);
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  private async readPage(): Promise<number> {
    const db = await reader();
    const rows = await db.event.findMany({ where: { seq: { gt: this.lastSeq ?? 0 } }, orderBy: { seq: "asc" }, take: PAGE });
    for (const row of rows) this.emit(toPublishedEvent(row));
    return rows.length;
  }

  private emit(event: PublishedEvent): void {
    // A local commit may have been handed out while the page that also holds it was read.
    if (this.lastSeq !== null && event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.emitter.emit("event", event);
  }
}
