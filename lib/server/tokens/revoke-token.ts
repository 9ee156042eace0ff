// `DELETE /tokens/{id}`: an agent token stops working at once (401 on its next call), on every instance.
import { transaction } from "@/lib/server/db/transaction";
import { AppError, notFound } from "@/lib/server/errors";
import { toTokenView } from "@/lib/server/tokens/token-view";
import { invalidate } from "@/lib/server/cluster/invalidation";

export async function revokeToken(id: string) {
  return transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id } });
    if (!row) throw notFound(`Token "${id}"`);
    if (row.scope !== "agent") throw new AppError("conflict", "Only agent tokens can be revoked here; the admin token is set by `npm start` (BATON_ADMIN_TOKEN).");
    if (row.revokedAt) return toTokenView(row);
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await invalidate(tx, "tokens");
    return toTokenView(revoked);
  });
}
