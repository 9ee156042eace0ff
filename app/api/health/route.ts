import { route } from "@/lib/server/http/route";
import { checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "public",
  handle: async () => {
    const health = await checkHealth();
    return { status: health.status === "ok" ? 200 : 503, body: health };
  },
});
