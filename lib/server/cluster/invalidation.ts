// Caches that must forget a change made on any instance (revoked tokens, changed webhooks). Sessions are not
// cached: every request reads its session, so a logout or a removed person holds on every instance at once.
//
// `invalidate(tx, kind)` inside the write transaction: once it commits, every instance drops its caches of
// that kind — this one after commit, the others on PostgreSQL through a NOTIFY sent in the same transaction
// (delivered only if it commits). A cache registers its clear function with `onInvalidate` and caches a
// loaded value only if `cacheGeneration(kind)` did not change while it loaded, so a load that raced an
// invalidation is never kept.
import { z } from "zod";
import { onCommit, type Tx } from "@/lib/server/db/transaction";
import { clusterBus, INVALIDATE_CHANNEL } from "@/lib/server/cluster/cluster";

export const cacheKinds = ["tokens", "webhooks"] as const;
export type CacheKind = (typeof cacheKinds)[number];

const noticeSchema = z.object({ instance: z.string(), kind: z.enum(cacheKinds) });

type Registry = { generations: Map<CacheKind, number>; clears: Map<CacheKind, Set<() => void>>; wired: boolean };

// On globalThis: Next bundles modules per route, and a revoke in one route must clear the caches of all.
const globalForCaches = globalThis as unknown as { batonCaches?: Registry };
const registry: Registry = (globalForCaches.batonCaches ??= { generations: new Map(), clears: new Map(), wired: false });

/** Registers a cache's clear function; register once per process (a module-level cache on globalThis). */
export function onInvalidate(kind: CacheKind, clear: () => void): void {
  const clears = registry.clears.get(kind) ?? new Set();
  registry.clears.set(kind, clears.add(clear));
}

export function cacheGeneration(kind: CacheKind): number {
  return registry.generations.get(kind) ?? 0;
}

/** Drops this process's caches of `kind` now. */
function clearLocalCaches(kind: CacheKind): void {
  registry.generations.set(kind, cacheGeneration(kind) + 1);
  for (const clear of registry.clears.get(kind) ?? []) clear();
}

export async function invalidate(tx: Tx, kind: CacheKind): Promise<void> {
  onCommit(() => clearLocalCaches(kind));
  const bus = clusterBus();
  if (!bus) return;
  const payload = JSON.stringify({ instance: bus.instanceId, kind } satisfies z.infer<typeof noticeSchema>);
  await tx.$executeRawUnsafe(`SELECT 1 FROM pg_notify('${INVALIDATE_CHANNEL}', $1)`, payload);
}

/** On PostgreSQL: listens for the other instances' invalidations (once per process, before the bus starts). */
export function listenForInvalidations(): void {
  const bus = clusterBus();
  if (!bus || registry.wired) return;
  registry.wired = true;
  bus.listen(INVALIDATE_CHANNEL, (payload) => {
    const notice = noticeSchema.safeParse(safeJson(payload));
    if (notice.success && notice.data.instance !== bus.instanceId) clearLocalCaches(notice.data.kind);
  });
  // Invalidations sent while this instance was not listening are lost: forget everything instead.
  bus.onConnected(() => cacheKinds.forEach(clearLocalCaches));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
