import { route } from "@/lib/server/http/route";
import { webhookDeliveryQuerySchema, webhookIdParams } from "@/lib/schemas/webhook";
import { listDeliveries } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "person",
  params: webhookIdParams,
  query: webhookDeliveryQuerySchema,
  handle: async ({ params, query }) => ({ body: await listDeliveries(params.id, query.limit) }),
});
