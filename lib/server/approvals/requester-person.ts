// Who answers for an approval request: the person behind the caller. preventSelfReview keeps that person
// from deciding it, so an agent's owner cannot wave through their own agent's plan.
import type { Tx } from "@/lib/server/db/transaction";
import { actorName, type Principal } from "@/lib/server/auth/authenticate";

export async function requesterPerson(tx: Tx, principal: Principal): Promise<string | null> {
  if (principal.kind === "session") return actorName(principal);
  const token = await tx.apiToken.findUnique({ where: { id: principal.tokenId }, select: { createdBy: true } });
  return personActor(token?.createdBy ?? null);
}

/** `ApiToken.createdBy` as decisions name people (`person:<name>`); a token made by another token names nobody. */
export function personActor(createdBy: string | null): string | null {
  if (!createdBy || createdBy.startsWith("token:")) return null;
  return createdBy.startsWith("person:") ? createdBy : `person:${createdBy}`;
}
