import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { phaseParams } from "@/lib/schemas/phase";
import { APPROVAL_BODY_LIMIT, approvalRequestSchema } from "@/lib/schemas/approval";
import { requestApproval } from "@/lib/server/approvals/request-approval";

export const dynamic = "force-dynamic";

export const POST = route({
  auth: "agent",
  params: phaseParams,
  body: approvalRequestSchema,
  // The JSON envelope around an 8 MiB artifact needs a little headroom.
  maxBodyBytes: APPROVAL_BODY_LIMIT + 64 * 1024,
  handle: async ({ params, body, principal }) => ({
    status: 201,
    body: await requestApproval(params.key, params.phase, body, actorName(principal!)),
  }),
});
