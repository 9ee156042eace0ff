// The owner exists and is an admin: BATON_ADMIN_TOKEN logs them in, whatever happened to the row.
import type { Tx } from "@/lib/server/db/transaction";
import { OWNER } from "@/lib/schemas/person";

export async function ensureOwner(tx: Tx): Promise<void> {
  await tx.person.upsert({
    where: { name: OWNER },
    create: { name: OWNER, displayName: "Owner", role: "admin", createdBy: OWNER },
    update: { role: "admin" },
  });
}
