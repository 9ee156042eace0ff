import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { tokenCreateSchema } from "@/lib/schemas/token";
import { createToken } from "@/lib/server/tokens/create-token";
import { listTokens } from "@/lib/server/tokens/list-tokens";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "person", handle: async () => ({ body: await listTokens() }) });

export const POST = route({
  auth: "person",
  // The new token is shown exactly once; its plaintext must not sit in the idempotency table.
  storesNoReplay: true,
  body: tokenCreateSchema,
  handle: async ({ body, principal }) => ({ status: 201, body: await createToken(body, actorName(principal!)) }),
});
