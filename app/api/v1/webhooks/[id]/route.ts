import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/webhooks";
import { deleteWebhook } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

export const DELETE = route(contracts.deleteWebhook, async ({ params }) => {
  await deleteWebhook(params.id);
  return { status: 204 };
});
