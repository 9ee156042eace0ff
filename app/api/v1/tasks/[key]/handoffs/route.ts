import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/handoffs";
import { actorName } from "@/lib/server/auth/authenticate";
import { listHandoffs } from "@/lib/server/handoffs/list-handoffs";
import { createHandoff } from "@/lib/server/handoffs/create-handoff";
import { handoffFromMarkdown } from "@/lib/server/handoffs/handoff-from-markdown";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listHandoffs, async ({ params }) => ({ body: await listHandoffs(params.key) }));

export const POST = route(
  contracts.createHandoff,
  async ({ params, body, principal }) => ({ status: 201, body: await createHandoff(params.key, body, actorName(principal)) }),
  { parseBody: handoffFromMarkdown },
);
