import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/approvals";
import { requestApproval } from "@/lib/server/approvals/request-approval";

export const dynamic = "force-dynamic";

export const POST = route(contracts.requestApproval, async ({ params, body, principal }) => ({
  status: 201,
  body: await requestApproval(params.key, params.phase, body, principal),
}));
