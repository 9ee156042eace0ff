// Who did something, as the audit log names them, and whether that was a person: gates belong to people.
import { actorName, type Principal } from "@/lib/server/auth/authenticate";

export type Actor = { name: string; person: boolean };

/** Only a browser session is a person; every bearer token, admin scope included, acts as an agent. */
export function actorOf(principal: Principal): Actor {
  return { name: actorName(principal), person: principal.kind === "session" };
}
