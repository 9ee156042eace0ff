import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/webhooks";
import { deleteWebhook, updateWebhook } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

export const PATCH = route(contracts.updateWebhook, async ({ params, body }) => ({ body: await updateWebhook(params.id, body) }));

export const DELETE = route(contracts.deleteWebhook, async ({ params }) => {
  await deleteWebhook(params.id);
  return { status: 204 };
});
