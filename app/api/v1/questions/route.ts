import { route } from "@/lib/server/http/route";
import { questionListQuerySchema } from "@/lib/schemas/blocker";
import { listQuestions } from "@/lib/server/blockers/list-questions";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  query: questionListQuerySchema,
  handle: async ({ query }) => ({ body: await listQuestions(query) }),
});
