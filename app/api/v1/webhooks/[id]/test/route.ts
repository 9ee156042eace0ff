import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/webhooks";
import { sendTestMessage } from "@/lib/server/webhooks/send-test-message";

export const dynamic = "force-dynamic";

export const POST = route(contracts.testWebhook, async ({ params }) => ({ body: await sendTestMessage(params.id) }));
