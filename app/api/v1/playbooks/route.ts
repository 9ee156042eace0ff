import { route } from "@/lib/server/http/route";
import { listPlaybooks } from "@/lib/server/playbooks/list-playbooks";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  handle: async () => ({ body: await listPlaybooks() }),
});
