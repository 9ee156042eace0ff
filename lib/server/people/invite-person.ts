// `POST /people`: an admin adds a person with a role and gets their one-time invite link.
import { transaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { appendEvent } from "@/lib/server/events/append-event";
import type { Me, PersonCreate, PersonInvited } from "@/lib/schemas/person";
import { issueInvite } from "@/lib/server/people/issue-invite";
import { personViewInclude, toPersonView } from "@/lib/server/people/person-view";

export async function invitePerson(input: PersonCreate, by: Me): Promise<PersonInvited> {
  return transaction(async (tx) => {
    if (await tx.person.findUnique({ where: { name: input.name }, select: { name: true } })) {
      throw new AppError("conflict", `There is already a person named "${input.name}"; pick another name, or send them a new invite from the People page.`);
    }
    await tx.person.create({ data: { name: input.name, displayName: input.displayName ?? input.name, role: input.role, createdBy: by.name } });
    const { inviteUrl } = await issueInvite(tx, input.name, by.name);
    const row = await tx.person.findUniqueOrThrow({ where: { name: input.name }, include: personViewInclude });
    await appendEvent(tx, {
      type: "person.updated",
      actor: `person:${by.name}`,
      payload: { person: row.name, change: "invited", role: row.role, displayName: row.displayName },
    });
    return { ...toPersonView(row), inviteUrl };
  });
}
