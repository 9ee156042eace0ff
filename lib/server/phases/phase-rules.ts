// Pure rules about a phase's status, the one place every presenter, import and gate reads them from.
import type { PhaseStatus } from "@/lib/schemas/phase";

const FINISHED: ReadonlySet<string> = new Set<PhaseStatus>(["done", "skipped"]);
const IN_FLIGHT: ReadonlySet<string> = new Set<PhaseStatus>(["active", "awaiting_approval"]);

/** Done or skipped: counts whole towards the task's percent and needs no more work. */
export function isFinished(status: string): boolean {
  return FINISHED.has(status);
}

/** Being worked on (or waiting for its gate): the task's current phase. */
export function isInFlight(status: string): boolean {
  return IN_FLIGHT.has(status);
}
