import { route } from "@/lib/server/http/route";
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "public",
  handle: async () => ({ body: openApiDocument(), headers: { "cache-control": "public, max-age=60" } }),
});
