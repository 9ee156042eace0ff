import { reader } from "@/lib/server/db/transaction";
import { toTokenView } from "@/lib/server/tokens/token-view";

export async function listTokens() {
  const db = await reader();
  const rows = await db.apiToken.findMany({ orderBy: [{ revokedAt: "asc" }, { createdAt: "desc" }] });
  return { items: rows.map(toTokenView) };
}
