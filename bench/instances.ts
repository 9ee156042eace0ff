// `npm run bench:instances [-- --count N]`: how long a checkpoint committed through instance A takes to reach
// an SSE client of instance B (LISTEN/NOTIFY, then B reads the event log), beside the same trip to a client of
// A itself. Two real Baton servers on one database of a throwaway PostgreSQL cluster.
import { startPostgres } from "../tests/support/postgres";
import { startServer, type RunningServer } from "../tests/support/server";
import { openEventStream } from "../tests/support/sse";

const countArg = process.argv.indexOf("--count");
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 300;
const WARMUP = 30;
// One checkpoint at a time with a pause between: this measures the trip, not queueing under load.
const PAUSE_MS = 10;

type Stream = Awaited<ReturnType<typeof openEventStream>>;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Resolves with the arrival time of the event whose checkpoint has this summary. */
async function arrival(stream: Stream, summary: string): Promise<number> {
  for (;;) {
    const event = await stream.nextEvent<{ payload: { checkpoint?: { summary: string } } }>();
    if (event.data.payload.checkpoint?.summary === summary) return performance.now();
  }
}

async function main() {
  const cluster = await startPostgres();
  const servers: RunningServer[] = [];
  const streams: Stream[] = [];
  try {
    const databaseUrl = await cluster.createDatabase();
    const tokens = { adminToken: `baton_adm_bench_${Date.now()}`, agentToken: `baton_agt_bench_${Date.now()}` };
    const a = await startServer({ DATABASE_URL: databaseUrl }, tokens);
    servers.push(a);
    const b = await startServer({ DATABASE_URL: databaseUrl }, tokens);
    servers.push(b);
    const key = `bench-instances-${Date.now().toString(36)}`;
    const headers = { authorization: `Bearer ${tokens.agentToken}`, "content-type": "application/json" };
    await fetch(`${a.url}/api/v1/tasks/${key}`, { method: "PUT", headers, body: JSON.stringify({ title: "Cross-instance latency" }) });
    const onA = await openEventStream(`${a.url}/api/v1/events?task=${key}`, tokens.agentToken);
    const onB = await openEventStream(`${b.url}/api/v1/events?task=${key}`, tokens.agentToken);
    streams.push(onA, onB);
    await Promise.all([onA.connected(), onB.connected()]);

    const same: number[] = [];
    const cross: number[] = [];
    for (let index = 0; index < WARMUP + COUNT; index++) {
      const summary = `checkpoint ${index}`;
      const sent = performance.now();
      const arrivals = Promise.all([arrival(onA, summary), arrival(onB, summary)]);
      const response = await fetch(`${a.url}/api/v1/tasks/${key}/checkpoints`, { method: "POST", headers, body: JSON.stringify({ summary }) });
      if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
      const [atA, atB] = await arrivals;
      if (index >= WARMUP) {
        same.push(atA - sent);
        cross.push(atB - sent);
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    const line = (name: string, samples: number[]) => {
      const sorted = [...samples].sort((x, y) => x - y);
      const at = (p: number) => percentile(sorted, p).toFixed(1).padStart(7);
      return `${name.padEnd(44)} p50 ${at(50)} ms   p95 ${at(95)} ms   p99 ${at(99)} ms   max ${at(100)} ms`;
    };
    console.log(`\nCheckpoint POSTed to A → event on an SSE stream (${COUNT} checkpoints, one at a time, PostgreSQL):`);
    console.log(line("SSE client of A (same instance)", same));
    console.log(line("SSE client of B (other instance)", cross));
    console.log(line("B minus A (the cross-instance hop)", cross.map((value, index) => value - same[index])));
  } finally {
    for (const stream of streams) stream.close();
    for (const server of servers) await server.stop();
    await cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
