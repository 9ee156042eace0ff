// The statements of the ingest hot path, set-based: one per task to claim its seqs, one insert for a group's
// checkpoints, one for their events. Two implementations behind one interface: Prisma (createManyAndReturn;
// what PostgreSQL runs, where each statement is a round-trip) and prepared statements on SQLite's write
// connection, which measured faster there (docs/BENCHMARKS.md).
import type Database from "better-sqlite3";
import type { Tx } from "@/lib/server/db/transaction";
import { prepared, preparedConnection, sqliteDateTime } from "@/lib/server/db/prepared";
import type { PublishedEvent } from "@/lib/server/events/publisher";
import type { NewEvent } from "@/lib/server/events/append-event";
import { toPublishedEvent } from "@/lib/server/events/published-event";

/** The task a group writes to, and the first of the `count` seqs claimed for it. */
export type SeqClaim = { id: number; key: string; firstSeq: number };

export type NewCheckpointRow = {
  taskId: number;
  seq: number;
  phaseKey: string | null;
  summary: string;
  body: string | null;
  done: string[];
  next: string[];
  dependencies: string[];
  decisions: string[];
  progressCurrent: number | null;
  progressTotal: number | null;
  progressUnit: string | null;
  resumeFrom: string | null;
  agent: string | null;
  verification: object[];
  metrics: Record<string, number>;
  createdAt: Date;
};

export interface CheckpointStore {
  /** Finds or creates the task and claims `count` consecutive seqs, atomically inside the write transaction. */
  claimSeqs(taskKey: string, count: number, now: Date): Promise<SeqClaim>;
  insertCheckpoints(rows: NewCheckpointRow[]): Promise<void>;
  /** Inserts the events in order and returns them as published (with their global seq). */
  insertEvents(events: NewEvent[], now: Date): Promise<PublishedEvent[]>;
}

export function checkpointStore(tx: Tx): CheckpointStore {
  const connection = preparedConnection();
  return connection ? sqliteStore(connection) : prismaStore(tx);
}

function prismaStore(tx: Tx): CheckpointStore {
  return {
    async claimSeqs(taskKey, count, now) {
      const task = await tx.task.upsert({
        where: { key: taskKey },
        create: { key: taskKey, title: taskKey, checkpointSeq: count, startedAt: now, lastActivityAt: now },
        update: { checkpointSeq: { increment: count }, lastActivityAt: now },
        select: { id: true, key: true, checkpointSeq: true, startedAt: true },
      });
      if (!task.startedAt) await tx.task.update({ where: { id: task.id }, data: { startedAt: now } });
      return { id: task.id, key: task.key, firstSeq: task.checkpointSeq - count + 1 };
    },
    async insertCheckpoints(rows) {
      await tx.checkpoint.createMany({ data: rows });
    },
    async insertEvents(events, now) {
      const rows = await tx.event.createManyAndReturn({
        data: events.map((event) => ({
          type: event.type,
          taskId: event.task?.id ?? null,
          taskKey: event.task?.key ?? null,
          actor: event.actor ?? null,
          payload: event.payload as object,
          createdAt: now,
        })),
      });
      // Seqs are handed out in insertion order; RETURNING's own order is not promised.
      return rows.sort((a, b) => a.seq - b.seq).map(toPublishedEvent);
    },
  };
}

const CLAIM_SEQS = `INSERT INTO "Task" (key, title, checkpointSeq, startedAt, lastActivityAt, createdAt, updatedAt)
  VALUES (@key, @key, @count, @now, @now, @now, @now)
  ON CONFLICT (key) DO UPDATE SET checkpointSeq = checkpointSeq + excluded.checkpointSeq,
    lastActivityAt = excluded.lastActivityAt, updatedAt = excluded.updatedAt, startedAt = COALESCE(startedAt, excluded.startedAt)
  RETURNING id, checkpointSeq`;

const INSERT_CHECKPOINT = `INSERT INTO "Checkpoint" (taskId, seq, phaseKey, summary, body, done, next, dependencies, decisions,
  progressCurrent, progressTotal, progressUnit, resumeFrom, agent, verification, metrics, createdAt)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_EVENT = `INSERT INTO "Event" (taskId, taskKey, type, actor, payload, createdAt) VALUES (?, ?, ?, ?, ?, ?)`;

function sqliteStore(connection: Database.Database): CheckpointStore {
  return {
    async claimSeqs(taskKey, count, now) {
      const [row] = prepared(connection, CLAIM_SEQS).all({ key: taskKey, count, now: sqliteDateTime(now) }) as { id: number; checkpointSeq: number }[];
      return { id: row.id, key: taskKey, firstSeq: row.checkpointSeq - count + 1 };
    },
    async insertCheckpoints(rows) {
      const insert = prepared(connection, INSERT_CHECKPOINT);
      for (const row of rows) {
        insert.run(
          row.taskId,
          row.seq,
          row.phaseKey,
          row.summary,
          row.body,
          JSON.stringify(row.done),
          JSON.stringify(row.next),
          JSON.stringify(row.dependencies),
          JSON.stringify(row.decisions),
          row.progressCurrent,
          row.progressTotal,
          row.progressUnit,
          row.resumeFrom,
          row.agent,
          JSON.stringify(row.verification),
          JSON.stringify(row.metrics),
          sqliteDateTime(row.createdAt),
        );
      }
    },
    async insertEvents(events, now) {
      const insert = prepared(connection, INSERT_EVENT);
      const createdAt = sqliteDateTime(now);
      return events.map((event) => {
        const taskKey = event.task?.key ?? null;
        const actor = event.actor ?? null;
        const { lastInsertRowid } = insert.run(event.task?.id ?? null, taskKey, event.type, actor, JSON.stringify(event.payload), createdAt);
        return { seq: Number(lastInsertRowid), type: event.type, taskKey, actor, payload: event.payload, createdAt: now.toISOString() };
      });
    },
  };
}
