import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/webhooks";
import { actorName } from "@/lib/server/auth/authenticate";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listWebhooks, async () => ({ body: await listWebhooks() }));

export const POST = route(contracts.createWebhook, async ({ body, principal }) => ({
  status: 201,
  body: await createWebhook(body, actorName(principal)),
}));
