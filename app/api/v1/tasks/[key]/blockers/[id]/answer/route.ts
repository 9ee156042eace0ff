import { route } from "@/lib/server/http/route";
import type { SessionPrincipal } from "@/lib/server/auth/sessions";
import { blockerAnswerSchema, blockerParams } from "@/lib/schemas/blocker";
import { answerQuestion } from "@/lib/server/blockers/answer-question";

export const dynamic = "force-dynamic";

// sessionOnly: a question is a person's to answer; no bearer token may, and route() checks Origin for sessions.
export const POST = route({
  auth: "person",
  sessionOnly: true,
  params: blockerParams,
  body: blockerAnswerSchema,
  handle: async ({ params, body, principal }) => ({ body: await answerQuestion(params.key, params.id, body, principal as SessionPrincipal) }),
});
