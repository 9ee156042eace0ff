// Next.js calls register() once when the server process starts: run Baton's background work there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startCluster } = await import("./lib/server/cluster/start-cluster");
  const { startScheduler } = await import("./lib/server/scheduler/start-scheduler");
  const { startDeliveryWorker, sweepDeliveries } = await import("./lib/server/webhooks/deliver-webhooks");
  // Before the first request: on PostgreSQL this instance then hears every other one's events and invalidations.
  await startCluster();
  startDeliveryWorker();
  // Fresh deliveries wake the worker at commit; the sweep picks up retries and claims that ran out.
  startScheduler([{ name: "webhook deliveries", run: () => sweepDeliveries() }]);
}
