import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/brief";
import { buildBrief } from "@/lib/server/brief/build-brief";
import { renderBriefMarkdown } from "@/lib/server/brief/render-brief-markdown";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getBrief, async ({ request, params, query }) => {
  const brief = await buildBrief(params.key, { agent: query.agent });
  if (request.headers.get("accept")?.includes("application/json")) return { body: brief, headers: { vary: "Accept" } };
  return new Response(renderBriefMarkdown(brief), {
    headers: { "content-type": "text/markdown; charset=utf-8", "cache-control": "no-store", vary: "Accept" },
  });
});
