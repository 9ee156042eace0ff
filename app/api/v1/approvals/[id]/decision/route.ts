import { route } from "@/lib/server/http/route";
import type { SessionPrincipal } from "@/lib/server/auth/sessions";
import { approvalDecisionSchema, approvalIdParams } from "@/lib/schemas/approval";
import { decideApproval } from "@/lib/server/approvals/decide-approval";

export const dynamic = "force-dynamic";

// sessionOnly: no bearer token, not even the admin one, may decide; route() also checks Origin for sessions.
export const POST = route({
  auth: "person",
  sessionOnly: true,
  params: approvalIdParams,
  body: approvalDecisionSchema,
  handle: async ({ params, body, principal }) => ({
    body: await decideApproval(params.id, body, principal as SessionPrincipal),
  }),
});
