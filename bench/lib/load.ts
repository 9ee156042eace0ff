// autocannon measurements. On a shared machine the load drifts from second to second, so scenarios are
// measured in short interleaved rounds (see bench/run.ts) and each scenario's rounds are summed here.
import autocannon from "autocannon";

export type LoadResult = { requestsPerSec: number; itemsPerSec: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };

export type Target = { url: string; token: string; body: string; itemsPerRequest?: number; connections: number };

type Round = { requests: number; seconds: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };

export async function run(target: Target, seconds: number): Promise<Round> {
  const result = await autocannon({
    url: target.url,
    method: "POST",
    connections: target.connections,
    headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json" },
    body: target.body,
    duration: seconds,
  });
  // autocannon stops waiting at the deadline, the server does not: let it finish what is in flight, so the
  // next scenario does not pay for this one's backlog.
  await fetch(target.url, { method: "POST", headers: { authorization: `Bearer ${target.token}`, "content-type": "application/json" }, body: target.body });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Throughput over all rounds; latency percentiles are the median of the rounds' percentiles. */
export function combine(rounds: Round[], itemsPerRequest = 1): LoadResult {
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const requestsPerSec = rounds.reduce((sum, round) => sum + round.requests, 0) / seconds;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    requestsPerSec,
    itemsPerSec: requestsPerSec * itemsPerRequest,
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p99Ms: median(rounds.map((round) => round.p99Ms)),
    non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
  };
}
