import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/approvals";
import { longPollSlots } from "@/lib/server/http/open-slots";
import { waitForApproval } from "@/lib/server/approvals/get-approval";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getApproval, async ({ request, params, query, principal }) => {
  const read = () => waitForApproval(params.id, query.wait ?? 0, request.signal);
  return { body: query.wait ? await longPollSlots.hold(principal, read) : await read() };
});
