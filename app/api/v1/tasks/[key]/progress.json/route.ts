import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { taskKeyParams } from "@/lib/schemas/task";
import { progressFileSchema } from "@/lib/schemas/progress-file";
import { exportProgressFile } from "@/lib/server/progress-file/export-progress-file";
import { importProgressFile } from "@/lib/server/progress-file/import-progress-file";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: taskKeyParams,
  handle: async ({ params }) => ({ body: await exportProgressFile(params.key) }),
});

export const PUT = route({
  auth: "agent",
  params: taskKeyParams,
  body: progressFileSchema,
  handle: async ({ params, body, principal }) => {
    const { created, file } = await importProgressFile(params.key, body, actorName(principal!));
    return { status: created ? 201 : 200, body: file };
  },
});
