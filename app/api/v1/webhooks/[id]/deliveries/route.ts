import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/webhooks";
import { listDeliveries } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listWebhookDeliveries, async ({ params, query }) => ({
  body: await listDeliveries(params.id, query.limit),
}));
