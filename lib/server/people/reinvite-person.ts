// `POST /people/{name}/invites`: a fresh one-time link for someone who lost theirs (or let it expire).
import { transaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { appendEvent } from "@/lib/server/events/append-event";
import { OWNER, type Me, type PersonInvited } from "@/lib/schemas/person";
import { issueInvite } from "@/lib/server/people/issue-invite";
import { requirePerson } from "@/lib/server/people/find-person";
import { toPersonView } from "@/lib/server/people/person-view";

export async function reinvitePerson(name: string, by: Me): Promise<PersonInvited> {
  return transaction(async (tx) => {
    await requirePerson(tx, name);
    if (name === OWNER) throw new AppError("conflict", "The owner logs in with the admin token (BATON_ADMIN_TOKEN), not with an invite.");
    const { inviteUrl } = await issueInvite(tx, name, by.name);
    const row = await requirePerson(tx, name);
    await appendEvent(tx, {
      type: "person.updated",
      actor: `person:${by.name}`,
      payload: { person: row.name, change: "reinvited", role: row.role, displayName: row.displayName },
    });
    return { ...toPersonView(row), inviteUrl };
  });
}
