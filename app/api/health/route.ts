import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/system";
import { checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getHealth, async () => {
  const health = await checkHealth();
  return { status: health.status === "ok" ? 200 : 503, body: health };
});
