// `npm run bench [-- --quick]`: Baton's ingest against the physical limit (bare node:http + better-sqlite3) and
// the framework ceiling (a bare Next.js route handler), measured in the same run on the same machine and
// reported as ratios, on SQLite and on PostgreSQL (a throwaway local cluster); plus read latency on a
// 100,000-checkpoint task while ingest runs, on each database.
//
// All servers run side by side and the scenarios take turns in short rounds, so a change in the machine's
// load (it is shared) hits every scenario alike instead of skewing the ratios.
import fs from "node:fs";
import os from "node:os";
import { combine, run, type Target } from "./lib/load";
import { measureReads, seedLargeTask } from "./lib/reads";
import { renderReport, writeReport, type Row } from "./lib/report";
import { startBaseline, startBaton, startBatonOnPostgres, startCeiling, type BenchServer } from "./lib/servers";

const quick = process.argv.includes("--quick");
const WARMUP_S = quick ? 1 : 3;
const ROUNDS = quick ? 3 : 5;
const ROUND_S = quick ? 1 : 2;
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

type Scenario = Omit<Row, "result"> & { target: Target };

const target = (server: BenchServer, path: string, body: string, itemsPerRequest = 1): Target => ({
  url: `${server.url}${path}`,
  token: server.token,
  body,
  itemsPerRequest,
  connections: CONNECTIONS,
});

async function main() {
  const servers: BenchServer[] = [];
  const started = async <T extends BenchServer>(server: Promise<T>) => {
    const running = await server;
    servers.push(running);
    return running;
  };
  try {
    const baseline = await started(startBaseline());
    const ceiling = await started(startCeiling());
    const batons = [
      { database: "SQLite", server: await started(startBaton()) },
      { database: "PostgreSQL", server: await started(startBatonOnPostgres()) },
    ];
    const scenarios: Scenario[] = [
      { name: "baseline: node:http + better-sqlite3 (physical limit)", target: target(baseline, "/api/v1/tasks/bench/checkpoints", single) },
      { name: "ceiling: bare Next.js route handler, no database", target: target(ceiling, "/api/v1/tasks/bench/checkpoints", single) },
      ...batons.flatMap(({ database, server }): Scenario[] => [
        { name: `Baton on ${database}: POST /tasks/{key}/checkpoints`, target: target(server, "/api/v1/tasks/bench/checkpoints", single), versus: { of: "ceiling", target: 0.7 } },
        { name: `Baton on ${database}: POST /batch (${BATCH_SIZE} checkpoints each)`, target: target(server, "/api/v1/batch", batch, BATCH_SIZE), versus: { of: "limit", target: 0.5 } },
      ]),
    ];
    // A fresh `next start` runs far slower for its first seconds (JIT, route loading).
    for (const scenario of scenarios) await run(scenario.target, WARMUP_S);
    const rounds = scenarios.map(() => [] as Awaited<ReturnType<typeof run>>[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, scenario] of scenarios.entries()) rounds[index].push(await run(scenario.target, ROUND_S));
    }
    const rows: Row[] = scenarios.map(({ name, versus, target }, index) => ({ name, versus, result: combine(rounds[index], target.itemsPerRequest) }));

    const reads = [];
    for (const { database, server } of batons) {
      await seedLargeTask(server.url, server.token, server.databaseUrl, "bench-large", LARGE_TASK);
      const ingest = run(target(server, "/api/v1/tasks/bench-ingest/checkpoints", single), ROUNDS * ROUND_S);
      const results = await measureReads(server.url, server.token, "bench-large", ingest);
      reads.push({ database, results, ingestDuringReads: combine([await ingest]) });
    }
    const report = {
      date: new Date().toISOString().slice(0, 10),
      settings: `${quick ? "Quick run: " : ""}${CONNECTIONS} connections; ${ROUNDS} interleaved rounds of ${ROUND_S} s per scenario after ${WARMUP_S} s warm-up; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end.`,
      rows,
      reads,
      readTargetMs: READ_TARGET_MS,
    };
    console.log(`\n${renderReport(report)}\n`);
    writeReport("docs/BENCHMARKS.md", report);
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync(`bench/results/ingest-${Date.now()}.json`, JSON.stringify({ at: new Date().toISOString(), quick, ...report }, null, 2));
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
