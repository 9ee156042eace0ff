import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { taskKeyParams } from "@/lib/schemas/task";
import { listHandoffs } from "@/lib/server/handoffs/list-handoffs";
import { handoffInputSchema } from "@/lib/schemas/handoff";
import { createHandoff } from "@/lib/server/handoffs/create-handoff";
import { handoffFromMarkdown } from "@/lib/server/handoffs/handoff-from-markdown";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: taskKeyParams,
  handle: async ({ params }) => ({ body: await listHandoffs(params.key) }),
});

export const POST = route({
  auth: "agent",
  params: taskKeyParams,
  body: handoffInputSchema,
  parseBody: handoffFromMarkdown,
  handle: async ({ params, body, principal }) => ({ status: 201, body: await createHandoff(params.key, body, actorName(principal!)) }),
});
