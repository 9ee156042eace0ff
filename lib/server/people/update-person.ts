// `PATCH /people/{name}`: an admin changes someone's role or display name; it holds from their next request.
import { transaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { appendEvent } from "@/lib/server/events/append-event";
import { OWNER, type Me, type PersonUpdate } from "@/lib/schemas/person";
import { requirePerson } from "@/lib/server/people/find-person";
import { personViewInclude, toPersonView } from "@/lib/server/people/person-view";

export async function updatePerson(name: string, input: PersonUpdate, by: Me) {
  return transaction(async (tx) => {
    const existing = await requirePerson(tx, name);
    if (name === OWNER && input.role !== undefined && input.role !== "admin") {
      throw new AppError("conflict", "The owner is always an admin: BATON_ADMIN_TOKEN must be able to manage Baton.");
    }
    const row = await tx.person.update({
      where: { name },
      data: { role: input.role ?? existing.role, displayName: input.displayName ?? existing.displayName },
      include: personViewInclude,
    });
    await appendEvent(tx, {
      type: "person.updated",
      actor: `person:${by.name}`,
      payload: { person: row.name, change: "changed", role: row.role, displayName: row.displayName },
    });
    return toPersonView(row);
  });
}
