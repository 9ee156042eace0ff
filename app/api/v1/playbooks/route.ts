import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/playbooks";
import { listPlaybooks } from "@/lib/server/playbooks/list-playbooks";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listPlaybooks, async () => ({ body: await listPlaybooks() }));
