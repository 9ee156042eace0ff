import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/blockers";
import { listQuestions } from "@/lib/server/blockers/list-questions";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listQuestions, async ({ query }) => ({ body: await listQuestions(query) }));
