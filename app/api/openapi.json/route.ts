import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/system";
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getOpenApiDocument, async () => ({
  body: openApiDocument(),
  headers: { "cache-control": "public, max-age=60" },
}));
