// Wakes this process's delivery worker when a commit wrote deliveries, so fresh ones go out at once rather than
// at the next sweep. On globalThis: the worker starts from instrumentation.ts, the commits happen in route bundles.
const globalForWakeup = globalThis as unknown as { batonDeliveryWakeup?: () => void };

export function onDeliveriesDue(listener: () => void): void {
  globalForWakeup.batonDeliveryWakeup = listener;
}

export function wakeDeliveryWorker(): void {
  globalForWakeup.batonDeliveryWakeup?.();
}
