// Who did something, as the audit log names them, and whether that was a person: gates belong to people.
import { actorName, type Principal } from "@/lib/server/auth/authenticate";
import { OWNER, type Me, type PersonRole } from "@/lib/schemas/person";

/** `role` is the person's role when a person acts; null for every bearer token. */
export type Actor = { name: string; person: boolean; role: PersonRole | null };

/** Only a browser session is a person; every bearer token, admin scope included, acts as an agent. */
export function actorOf(principal: Principal): Actor {
  return principal.kind === "session"
    ? { name: actorName(principal), person: true, role: principal.person.role }
    : { name: actorName(principal), person: false, role: null };
}

/**
 * The person a principal speaks for when managing Baton: a session's person, or the owner for the admin
 * token (it is the owner's own credential); an agent token speaks for nobody.
 */
export function personOf(principal: Principal): Me | null {
  if (principal.kind === "session") return principal.person;
  return principal.scope === "admin" ? { name: OWNER, displayName: "Owner", role: "admin" } : null;
}
