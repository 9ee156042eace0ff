// `npm run bench`: ingest throughput of Baton against a bare node:http + better-sqlite3 baseline,
// measured in the same run on the same machine, reported as ratios.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { migrateSqlite } from "@/lib/server/db/migrate";
import { freePort, startServer } from "../tests/support/server";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 3;
const CONNECTIONS = 10;
const BATCH_SIZE = 100;
const checkpointBody = {
  summary: "Backfill progress",
  done: ["Processed a chunk"],
  next: ["Continue at the next offset"],
  metrics: { tokens: 18200, costUsd: 0.42, recordsPerSec: 1840 },
};

type Result = { name: string; requestsPerSec: number; itemsPerSec: number; p99Ms: number; non2xx: number };

async function load(name: string, url: string, token: string, body: string, itemsPerRequest = 1): Promise<Result> {
  const options = {
    url,
    method: "POST" as const,
    connections: CONNECTIONS,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  };
  await autocannon({ ...options, duration: WARMUP_S });
  const result = await autocannon({ ...options, duration: DURATION_S });
  const requestsPerSec = result.requests.average;
  return { name, requestsPerSec, itemsPerSec: requestsPerSec * itemsPerRequest, p99Ms: result.latency.p99, non2xx: result.non2xx };
}

async function startBaseline(): Promise<{ url: string; stop: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-"));
  const dbFile = path.join(dir, "baseline.db");
  migrateSqlite(dbFile, path.resolve("prisma/migrations"));
  const port = await freePort();
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["bench/baseline-server.ts", dbFile, String(port), "bench-token"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function main() {
  const results: Result[] = [];
  const baseline = await startBaseline();
  results.push(await load("baseline: node:http + better-sqlite3", `${baseline.url}/api/v1/tasks/bench/checkpoints`, "bench-token", JSON.stringify(checkpointBody)));
  baseline.stop();

  const baton = await startServer();
  try {
    results.push(await load("Baton: POST /tasks/{key}/checkpoints", `${baton.url}/api/v1/tasks/bench/checkpoints`, baton.agentToken, JSON.stringify(checkpointBody)));
    const batch = JSON.stringify({
      operations: Array.from({ length: BATCH_SIZE }, () => ({ op: "checkpoint", task: "bench-batch", body: checkpointBody })),
    });
    const probe = await fetch(`${baton.url}/api/v1/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${baton.agentToken}`, "content-type": "application/json" },
      body: batch,
    });
    if (probe.status === 207) {
      results.push(await load(`Baton: POST /batch (${BATCH_SIZE} checkpoints each)`, `${baton.url}/api/v1/batch`, baton.agentToken, batch, BATCH_SIZE));
    } else {
      console.log(`(batch endpoint answered ${probe.status}; skipped)`);
    }
  } finally {
    await baton.stop();
  }

  const base = results[0].itemsPerSec;
  console.log(`\nIngest, ${CONNECTIONS} connections, ${DURATION_S} s after ${WARMUP_S} s warm-up (${os.cpus().length} cores)\n`);
  console.log("| scenario | req/s | checkpoints/s | vs baseline | p99 ms | non-2xx |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(`| ${r.name} | ${r.requestsPerSec.toFixed(0)} | ${r.itemsPerSec.toFixed(0)} | ${(r.itemsPerSec / base).toFixed(2)}× | ${r.p99Ms} | ${r.non2xx} |`);
  }
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(`bench/results/ingest-${Date.now()}.json`, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
