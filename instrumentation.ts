// Next.js calls register() once when the server process starts: run Baton's scheduler there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("./lib/server/scheduler/start-scheduler");
  startScheduler();
}
