import { route } from "@/lib/server/http/route";
import { approvalIdParams, approvalWaitQuerySchema } from "@/lib/schemas/approval";
import { longPollSlots } from "@/lib/server/http/open-slots";
import { waitForApproval } from "@/lib/server/approvals/get-approval";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: approvalIdParams,
  query: approvalWaitQuerySchema,
  handle: async ({ request, params, query, principal }) => {
    const read = () => waitForApproval(params.id, query.wait ?? 0, request.signal);
    return { body: query.wait ? await longPollSlots.hold(principal!, read) : await read() };
  },
});
