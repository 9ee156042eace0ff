import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/approvals";
import { listApprovals } from "@/lib/server/approvals/list-approvals";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listApprovals, async ({ query }) => ({ body: await listApprovals(query) }));
