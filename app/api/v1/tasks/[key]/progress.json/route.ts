import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/brief";
import { actorName } from "@/lib/server/auth/authenticate";
import { exportProgressFile } from "@/lib/server/progress-file/export-progress-file";
import { importProgressFile } from "@/lib/server/progress-file/import-progress-file";

export const dynamic = "force-dynamic";

export const GET = route(contracts.exportProgressFile, async ({ params }) => ({ body: await exportProgressFile(params.key) }));

export const PUT = route(contracts.importProgressFile, async ({ params, body, principal }) => {
  const { created, file } = await importProgressFile(params.key, body, actorName(principal));
  return { status: created ? 201 : 200, body: file };
});
