// Whether this process shares its database with other instances (PostgreSQL), and the bus that links them.
import { databaseProvider, databaseUrl } from "@/lib/server/config";
import { ClusterBus } from "@/lib/server/cluster/cluster-bus";

export const EVENTS_CHANNEL = "baton_events";
export const INVALIDATE_CHANNEL = "baton_invalidate";

export function onPostgres(): boolean {
  return databaseProvider() === "postgresql";
}

// On globalThis: Next bundles modules per route, and every route must share the one connection.
const globalForCluster = globalThis as unknown as { batonClusterBus?: ClusterBus };

/** The bus on PostgreSQL; null on SQLite, where one process is the whole of Baton. */
export function clusterBus(): ClusterBus | null {
  if (!onPostgres()) return null;
  return (globalForCluster.batonClusterBus ??= new ClusterBus(databaseUrl()));
}
