// Who answers for an approval request: the person behind the caller. preventSelfReview keeps that person
// from deciding it, so an agent's owner cannot wave through their own agent's plan.
import { actorName, type Principal } from "@/lib/server/auth/authenticate";

export function requesterPerson(principal: Principal): string | null {
  return principal.kind === "session" ? actorName(principal) : personActor(principal.createdBy);
}

/** `ApiToken.createdBy` as decisions name people (`person:<name>`); a token made by another token names nobody. */
export function personActor(createdBy: string | null): string | null {
  if (!createdBy || createdBy.startsWith("token:")) return null;
  return createdBy.startsWith("person:") ? createdBy : `person:${createdBy}`;
}
