// At server start: on PostgreSQL, join the other instances (events, cache invalidations) before serving.
import { clusterBus } from "@/lib/server/cluster/cluster";
import { listenForInvalidations } from "@/lib/server/cluster/invalidation";
import { publisher } from "@/lib/server/events/publisher";

export async function startCluster(): Promise<void> {
  listenForInvalidations();
  await publisher.start();
  await clusterBus()?.start();
}
