// `GET /people`: everyone who may log in, the owner first, then by name.
import { reader } from "@/lib/server/db/transaction";
import { OWNER } from "@/lib/schemas/person";
import { personViewInclude, toPersonView } from "@/lib/server/people/person-view";

export async function listPeople() {
  const db = await reader();
  const rows = await db.person.findMany({ include: personViewInclude, orderBy: { name: "asc" } });
  const now = new Date();
  return { items: rows.sort((a, b) => Number(b.name === OWNER) - Number(a.name === OWNER)).map((row) => toPersonView(row, now)) };
}
