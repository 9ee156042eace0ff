import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/blockers";
import { answerQuestion } from "@/lib/server/blockers/answer-question";

export const dynamic = "force-dynamic";

export const POST = route(contracts.answerQuestion, async ({ params, body, principal }) => ({
  body: await answerQuestion(params.key, params.id, body, principal),
}));
