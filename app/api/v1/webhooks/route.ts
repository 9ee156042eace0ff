import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { webhookCreateSchema } from "@/lib/schemas/webhook";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "person", handle: async () => ({ body: await listWebhooks() }) });

export const POST = route({
  auth: "person",
  body: webhookCreateSchema,
  handle: async ({ body, principal }) => ({ status: 201, body: await createWebhook(body, actorName(principal!)) }),
});
