// Who answers for an approval request: the person behind the caller. preventSelfReview keeps that person
// from deciding it, so an agent's owner cannot wave through their own agent's plan.
import type { Tx } from "@/lib/server/db/transaction";
import { actorName, type Principal } from "@/lib/server/auth/authenticate";

export async function requesterPerson(tx: Tx, principal: Principal): Promise<string | null> {
  if (principal.kind === "session") return actorName(principal);
  const token = await tx.apiToken.findUnique({ where: { id: principal.tokenId }, select: { createdBy: true } });
  // A token made by another token (or by `npm start`) has no person on record.
  return token?.createdBy?.startsWith("person:") ? token.createdBy : null;
}
