// Loads a person by name for a change, or says plainly that there is none (404).
import type { Tx } from "@/lib/server/db/transaction";
import { notFound } from "@/lib/server/errors";
import { personViewInclude } from "@/lib/server/people/person-view";

export async function requirePerson(tx: Tx, name: string) {
  const row = await tx.person.findUnique({ where: { name }, include: personViewInclude });
  if (!row) throw notFound(`Person "${name}"`);
  return row;
}
