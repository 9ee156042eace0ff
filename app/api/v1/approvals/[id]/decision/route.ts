import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/approvals";
import { decideApproval } from "@/lib/server/approvals/decide-approval";

export const dynamic = "force-dynamic";

export const POST = route(contracts.decideApproval, async ({ params, body, principal }) => ({
  body: await decideApproval(params.id, body, principal),
}));
