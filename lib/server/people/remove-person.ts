// `DELETE /people/{name}`: the person and their sessions and invites go at once; what they decided stays in
// the audit log under their name, and the name may be invited again later.
import { transaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { appendEvent } from "@/lib/server/events/append-event";
import { OWNER, type Me } from "@/lib/schemas/person";
import { requirePerson } from "@/lib/server/people/find-person";

export async function removePerson(name: string, by: Me): Promise<void> {
  await transaction(async (tx) => {
    const row = await requirePerson(tx, name);
    if (name === OWNER) throw new AppError("conflict", "The owner cannot be removed; rotate BATON_ADMIN_TOKEN to lock the old admin token out.");
    // Sessions and invites go with the person (ON DELETE CASCADE); every session lookup reads the database.
    await tx.person.delete({ where: { name } });
    await appendEvent(tx, {
      type: "person.updated",
      actor: `person:${by.name}`,
      payload: { person: row.name, change: "removed", role: row.role, displayName: row.displayName },
    });
  });
}
