// The pieces that link instances, on a real throwaway PostgreSQL cluster: the LISTEN connection (notices,
// per-job locks, reconnecting), and the log tail that hands every committed event to subscribers once, in order.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClusterBus } from "@/lib/server/cluster/cluster-bus";
import { disconnectDb } from "@/lib/server/db/client";
import { migratePostgres, migrationsDir } from "@/lib/server/db/migrate";
import type { PublishedEvent } from "@/lib/server/events/published-event";
import { startPostgres, type PostgresCluster } from "../support/postgres";

let cluster: PostgresCluster;
let databaseUrl: string;
let admin: pg.Client;
const buses: ClusterBus[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  databaseUrl = await cluster.createDatabase();
  await migratePostgres(databaseUrl, migrationsDir(path.resolve(__dirname, "../.."), "postgresql"));
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
}, 60_000);

afterAll(async () => {
  await Promise.all(buses.map((bus) => bus.stop()));
  await disconnectDb();
  await admin?.end();
  await cluster?.stop();
});

function bus(): ClusterBus {
  const created = new ClusterBus(databaseUrl);
  buses.push(created);
  return created;
}

/** Commits one event row as another instance would, returning its seq. */
async function commitEvent(type = "playbook.updated"): Promise<number> {
  const { rows } = await admin.query<{ seq: number }>(`INSERT INTO "Event" ("type", "payload") VALUES ($1, '{}') RETURNING "seq"`, [type]);
  return rows[0].seq;
}

describe("ClusterBus", () => {
  it("hands a notification sent through one instance's bus to every listening bus", async () => {
    const [sender, receiver] = [bus(), bus()];
    const received: string[] = [];
    receiver.listen("baton_test", (payload) => received.push(payload));
    await Promise.all([sender.start(), receiver.start()]);
    expect(await sender.notify("baton_test", "hello")).toBe(true);
    await expect.poll(() => received).toEqual(["hello"]);
  });

  it("runs a job on one instance at a time: another instance skips it while it runs, and runs it afterwards", async () => {
    const [first, second] = [bus(), bus()];
    await Promise.all([first.start(), second.start()]);
    let release = () => {};
    const running = first.whileLocked([1, 7], () => new Promise<void>((resolve) => (release = resolve)));
    await expect.poll(async () => (await admin.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 7`)).rowCount).toBe(1);
    let ranOnSecond = false;
    expect(await second.whileLocked([1, 7], async () => void (ranOnSecond = true))).toBe(false);
    expect(ranOnSecond).toBe(false);
    release();
    expect(await running).toBe(true);
    expect(await second.whileLocked([1, 7], async () => void (ranOnSecond = true))).toBe(true);
    expect(ranOnSecond).toBe(true);
  });

  it("reconnects after its connection is killed, says so to its handlers, and hears notifications again", async () => {
    const [sender, receiver] = [bus(), bus()];
    const received: string[] = [];
    let connects = 0;
    receiver.listen("baton_test_reconnect", (payload) => received.push(payload));
    receiver.onConnected(() => (connects += 1));
    await Promise.all([sender.start(), receiver.start()]);
    expect(connects).toBe(1);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`baton-bus-${receiver.instanceId}`]);
    await expect.poll(() => connects, { timeout: 10_000 }).toBe(2);
    expect(receiver.connected).toBe(true);
    await sender.notify("baton_test_reconnect", "after the reconnect");
    await expect.poll(() => received).toEqual(["after the reconnect"]);
  });
});

describe("LogTailPublisher", () => {
  it("hands other instances' events to subscribers once each, in seq order, across gaps, deduplicating local ones", async () => {
    process.env.DATABASE_URL = databaseUrl;
    const { LogTailPublisher } = await import("@/lib/server/events/log-tail-publisher");
    const announced: number[] = [];
    const tail = new LogTailPublisher({ announce: (seq) => announced.push(seq) });
    await commitEvent();
    await tail.start();
    const seen: number[] = [];
    tail.subscribe((event: PublishedEvent) => seen.push(event.seq));

    const first = await commitEvent();
    // A transaction that rolled back leaves a hole in the seqs: it must not stop the tail.
    await admin.query("BEGIN");
    await commitEvent();
    await admin.query("ROLLBACK");
    const afterGap = await commitEvent();
    tail.committedElsewhere(afterGap);
    await expect.poll(() => seen).toEqual([first, afterGap]);

    // A local commit right after the last seq goes out at once; one already handed out is not repeated.
    const local = await commitEvent();
    tail.publish({ seq: local, type: "playbook.updated", taskKey: null, actor: null, payload: {}, createdAt: new Date().toISOString() });
    expect(seen).toEqual([first, afterGap, local]);
    expect(announced).toEqual([local]);
    tail.committedElsewhere(local);
    const later = await commitEvent();
    tail.committedElsewhere(later);
    await expect.poll(() => seen).toEqual([first, afterGap, local, later]);
  });
});

describe("write order on PostgreSQL", () => {
  it("commits write transactions in seq order, even when a later one is ready first", async () => {
    process.env.DATABASE_URL = databaseUrl;
    const { transaction } = await import("@/lib/server/db/transaction");
    const committed: number[] = [];
    let inserted = () => {};
    const slowInserted = new Promise<void>((resolve) => (inserted = resolve));
    const slow = transaction(async (tx) => {
      const row = await tx.event.create({ data: { type: "playbook.updated", payload: {} } });
      inserted();
      // Still open while the other transaction is ready to commit.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return row.seq;
    }).then((seq) => committed.push(seq));
    await slowInserted;
    const fast = transaction(async (tx) => (await tx.event.create({ data: { type: "playbook.updated", payload: {} } })).seq).then((seq) => committed.push(seq));
    await Promise.all([slow, fast]);
    expect(committed).toHaveLength(2);
    expect(committed[0]).toBeLessThan(committed[1]);
  });
});
