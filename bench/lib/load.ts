// One autocannon measurement: warm-up first (a fresh `next start` runs far slower for its first seconds).
import autocannon from "autocannon";

export type LoadResult = { requestsPerSec: number; itemsPerSec: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };

export type LoadOptions = { url: string; token: string; body: string; itemsPerRequest?: number; connections: number; warmupS: number; durationS: number };

export async function load(options: LoadOptions): Promise<LoadResult> {
  const request = {
    url: options.url,
    method: "POST" as const,
    connections: options.connections,
    headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
    body: options.body,
  };
  await autocannon({ ...request, duration: options.warmupS });
  const result = await autocannon({ ...request, duration: options.durationS });
  const requestsPerSec = result.requests.average;
  return {
    requestsPerSec,
    itemsPerSec: requestsPerSec * (options.itemsPerRequest ?? 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
