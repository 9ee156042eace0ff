import { route } from "@/lib/server/http/route";
import { approvalIdParams, approvalWaitQuerySchema } from "@/lib/schemas/approval";
import { waitForApproval } from "@/lib/server/approvals/get-approval";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: approvalIdParams,
  query: approvalWaitQuerySchema,
  handle: async ({ request, params, query }) => ({
    body: await waitForApproval(params.id, query.wait ?? 0, request.signal),
  }),
});
