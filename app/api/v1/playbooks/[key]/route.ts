import { route } from "@/lib/server/http/route";
import { actorOf } from "@/lib/server/auth/actor";
import { playbookInputSchema, playbookParams } from "@/lib/schemas/playbook";
import { getPlaybook } from "@/lib/server/playbooks/get-playbook";
import { putPlaybook } from "@/lib/server/playbooks/put-playbook";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: playbookParams,
  handle: async ({ params }) => ({ body: await getPlaybook(params.key) }),
});

export const PUT = route({
  auth: "agent",
  params: playbookParams,
  body: playbookInputSchema,
  handle: async ({ params, body, principal }) => {
    const { created, playbook } = await putPlaybook(params.key, body, actorOf(principal!));
    return { status: created ? 201 : 200, body: playbook };
  },
});
