import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/batch";
import { actorName } from "@/lib/server/auth/authenticate";
import { runBatch } from "@/lib/server/batch/run-batch";

export const dynamic = "force-dynamic";

export const POST = route(contracts.runBatch, async ({ body, principal }) => ({
  status: 207,
  body: { results: await runBatch(body.operations, actorName(principal)) },
}));
