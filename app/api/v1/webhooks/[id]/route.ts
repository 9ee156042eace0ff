import { route } from "@/lib/server/http/route";
import { webhookIdParams } from "@/lib/schemas/webhook";
import { deleteWebhook } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

export const DELETE = route({
  auth: "person",
  params: webhookIdParams,
  handle: async ({ params }) => {
    await deleteWebhook(params.id);
    return { status: 204 };
  },
});
