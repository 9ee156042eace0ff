// Next.js calls register() once when the server process starts: run Baton's background work there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./lib/server/scheduler/start-scheduler");
  const { retryDueDeliveries, startWebhookDispatcher } = await import("./lib/server/webhooks/deliver-webhooks");
  startWebhookDispatcher();
  startScheduler([{ name: "webhook retries", run: () => retryDueDeliveries() }]);
}
