import { route } from "@/lib/server/http/route";
import { tokenIdParams } from "@/lib/schemas/token";
import { revokeToken } from "@/lib/server/tokens/revoke-token";

export const dynamic = "force-dynamic";

export const DELETE = route({
  auth: "person",
  params: tokenIdParams,
  handle: async ({ params }) => ({ body: await revokeToken(params.id) }),
});
