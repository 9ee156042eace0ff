// `GET /me`: the person behind this session (or the owner, for the admin token), as stored now.
import { reader } from "@/lib/server/db/transaction";
import type { Me, PersonRole } from "@/lib/schemas/person";

export async function getMe(person: Me): Promise<Me> {
  const db = await reader();
  const row = await db.person.findUnique({ where: { name: person.name }, select: { name: true, displayName: true, role: true } });
  return row ? { ...row, role: row.role as PersonRole } : person;
}
