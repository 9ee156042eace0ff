import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/playbooks";
import { actorOf } from "@/lib/server/auth/actor";
import { getPlaybook } from "@/lib/server/playbooks/get-playbook";
import { putPlaybook } from "@/lib/server/playbooks/put-playbook";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getPlaybook, async ({ params }) => ({ body: await getPlaybook(params.key) }));

export const PUT = route(contracts.putPlaybook, async ({ params, body, principal }) => {
  const { created, playbook } = await putPlaybook(params.key, body, actorOf(principal));
  return { status: created ? 201 : 200, body: playbook };
});
