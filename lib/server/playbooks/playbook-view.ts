import type { Prisma } from "@/generated/prisma/client";
import { phaseInputSchema } from "@/lib/schemas/phase";

type PlaybookRow = Prisma.PlaybookGetPayload<object>;

export function toPlaybookView(row: PlaybookRow) {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    builtIn: row.builtIn,
    phases: phaseInputSchema.array().parse(row.phases),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PlaybookView = ReturnType<typeof toPlaybookView>;
