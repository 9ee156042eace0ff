// `npm run bench [-- --quick]`: Baton's ingest against the physical limit (bare node:http + better-sqlite3) and
// the framework ceiling (a bare Next.js route handler), measured in the same run on the same machine and
// reported as ratios; plus read latency on a 100,000-checkpoint task while ingest runs.
import fs from "node:fs";
import os from "node:os";
import { load, type LoadResult } from "./lib/load";
import { measureReads, seedLargeTask } from "./lib/reads";
import { renderReport, writeReport, type Row } from "./lib/report";
import { startBaseline, startBaton, startCeiling, type BenchServer } from "./lib/servers";

const quick = process.argv.includes("--quick");
const WARMUP_S = quick ? 1 : 3;
const DURATION_S = Number(process.env.BENCH_DURATION ?? (quick ? 3 : 10));
const CONNECTIONS = 10;
const BATCH_SIZE = 100;
const LARGE_TASK = 100_000;
const READ_TARGET_MS = 50;

const checkpointBody = {
  summary: "Backfill progress",
  done: ["Processed a chunk"],
  next: ["Continue at the next offset"],
  metrics: { tokens: 18200, costUsd: 0.42, recordsPerSec: 1840 },
};
const single = JSON.stringify(checkpointBody);
const batch = JSON.stringify({ operations: Array.from({ length: BATCH_SIZE }, () => ({ op: "checkpoint", task: "bench-batch", body: checkpointBody })) });

const measure = (server: BenchServer, path: string, body: string, itemsPerRequest = 1): Promise<LoadResult> =>
  load({ url: `${server.url}${path}`, token: server.token, body, itemsPerRequest, connections: CONNECTIONS, warmupS: WARMUP_S, durationS: DURATION_S });

async function withServer<T>(start: () => Promise<BenchServer>, run: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

async function main() {
  const rows: Row[] = [];
  rows.push({ name: "baseline: node:http + better-sqlite3 (physical limit)", result: await withServer(startBaseline, (s) => measure(s, "/api/v1/tasks/bench/checkpoints", single)) });
  rows.push({ name: "ceiling: bare Next.js route handler, no database", result: await withServer(startCeiling, (s) => measure(s, "/api/v1/tasks/bench/checkpoints", single)) });

  const baton = await startBaton();
  try {
    rows.push({ name: "Baton: POST /tasks/{key}/checkpoints", result: await measure(baton, "/api/v1/tasks/bench/checkpoints", single), versus: { of: "ceiling", target: 0.7 } });
    rows.push({ name: `Baton: POST /batch (${BATCH_SIZE} checkpoints each)`, result: await measure(baton, "/api/v1/batch", batch, BATCH_SIZE), versus: { of: "limit", target: 0.5 } });

    await seedLargeTask(baton.url, baton.token, baton.server.databaseFile, "bench-large", LARGE_TASK);
    const ingest = measure(baton, "/api/v1/tasks/bench-ingest/checkpoints", single);
    const reads = await measureReads(baton.url, baton.token, "bench-large", ingest);
    const report = {
      date: new Date().toISOString().slice(0, 10),
      settings: `${quick ? "Quick run: " : ""}${CONNECTIONS} connections, ${DURATION_S} s after ${WARMUP_S} s warm-up, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end.`,
      rows,
      reads,
      ingestDuringReads: await ingest,
      readTargetMs: READ_TARGET_MS,
    };
    console.log(`\n${renderReport(report)}\n`);
    writeReport("docs/BENCHMARKS.md", report);
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync(`bench/results/ingest-${Date.now()}.json`, JSON.stringify({ at: new Date().toISOString(), quick, ...report }, null, 2));
  } finally {
    await baton.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
