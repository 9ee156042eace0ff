// A person as admins see them: never an invite's secret, only whether one is still open.
import type { Prisma } from "@/generated/prisma/client";
import type { PersonRole, PersonView } from "@/lib/schemas/person";
import { OWNER } from "@/lib/schemas/person";

export const personViewInclude = { invites: { select: { usedAt: true, expiresAt: true } } } satisfies Prisma.PersonInclude;

type PersonRow = Prisma.PersonGetPayload<{ include: typeof personViewInclude }>;

export function toPersonView(row: PersonRow, now = new Date()): PersonView {
  const open = row.invites.filter((invite) => invite.usedAt === null && invite.expiresAt > now).map((invite) => invite.expiresAt.getTime());
  return {
    name: row.name,
    displayName: row.displayName,
    role: row.role as PersonRole,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    joined: row.name === OWNER || row.invites.some((invite) => invite.usedAt !== null),
    inviteExpiresAt: open.length > 0 ? new Date(Math.max(...open)).toISOString() : null,
  };
}
