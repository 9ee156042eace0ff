import { route } from "@/lib/server/http/route";
import { approvalListQuerySchema } from "@/lib/schemas/approval";
import { listApprovals } from "@/lib/server/approvals/list-approvals";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  query: approvalListQuerySchema,
  handle: async ({ query }) => ({ body: await listApprovals(query) }),
});
