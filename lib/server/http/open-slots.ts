// Caps the long-lived requests one caller holds open at once (event streams, waiting long-polls);
// beyond the cap the request is refused with 429 and `Retry-After`. The counts live on globalThis:
// Next bundles this module into every route, and one cap spans all of them.
import type { Principal } from "@/lib/server/auth/authenticate";
import { AppError } from "@/lib/server/errors";

/** Gives the slot back; calling it again does nothing. */
type Release = () => void;

/** Both take one of the caller's slots, or throw 429 when all are in use. */
export type SlotLimit = {
  /** Runs `work` holding one of the caller's slots. */
  hold<T>(principal: Principal, work: () => Promise<T>): Promise<T>;
  /** Takes a slot until `signal` aborts (a streamed response: its client disconnected or was dropped). */
  holdUntilAborted(principal: Principal, signal: AbortSignal): void;
};

const RETRY_AFTER_SECONDS = 5;

const globalForSlots = globalThis as unknown as { batonOpenSlots?: Map<string, Map<string, number>> };
const openByLimit = (globalForSlots.batonOpenSlots ??= new Map());

/** One count per token; a browser session counts as its own caller. */
function callerOf(principal: Principal): string {
  return principal.kind === "token" ? `token:${principal.tokenId}` : `session:${principal.sessionId}`;
}

export function slotLimit(name: string, max: number): SlotLimit {
  const open: Map<string, number> = openByLimit.get(name) ?? new Map();
  openByLimit.set(name, open);

  const acquire = (principal: Principal): Release => {
    const caller = callerOf(principal);
    const count = open.get(caller) ?? 0;
    if (count >= max) {
      throw new AppError("too-many-requests", `At most ${max} ${name} may be open per token; close one, or try again in ${RETRY_AFTER_SECONDS} seconds.`, {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
        extensions: { limit: max },
      });
    }
    open.set(caller, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (open.get(caller) ?? 1) - 1;
      if (left > 0) open.set(caller, left);
      else open.delete(caller);
    };
  };

  return {
    async hold(principal, work) {
      const release = acquire(principal);
      try {
        return await work();
      } finally {
        release();
      }
    },
    holdUntilAborted(principal, signal) {
      const release = acquire(principal);
      if (signal.aborted) release();
      else signal.addEventListener("abort", release, { once: true });
    },
  };
}

/** SPEC "Hardening": at most 32 event streams per token. */
export const eventStreamSlots = slotLimit("event streams", 32);
/** SPEC "Hardening": at most 64 waiting long-polls per token (approvals, questions). */
export const longPollSlots = slotLimit("waiting long-polls", 64);
