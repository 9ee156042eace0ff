import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { batchInputSchema } from "@/lib/schemas/batch";
import { runBatch } from "@/lib/server/batch/run-batch";

export const dynamic = "force-dynamic";

export const POST = route({
  auth: "agent",
  body: batchInputSchema,
  handle: async ({ body, principal }) => ({ status: 207, body: { results: await runBatch(body.operations, actorName(principal!)) } }),
});
