import type { Tx } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { phaseInputSchema, type PhaseInput } from "@/lib/schemas/phase";
import { builtinPlaybooks } from "@/lib/server/playbooks/builtin-playbooks";

/**
 * The phase templates of a playbook, inside the caller's transaction. A built-in not yet installed
 * (no playbook read has happened in this database) is taken from code: installing here would add a
 * second event to the caller's transaction.
 */
export async function requirePlaybookPhases(tx: Tx, key: string): Promise<PhaseInput[]> {
  const playbook = await tx.playbook.findUnique({ where: { key } });
  if (playbook) return phaseInputSchema.array().parse(playbook.phases);
  const builtin = builtinPlaybooks[key];
  if (builtin) return builtin.phases;
  throw new AppError("validation-failed", `Playbook "${key}" does not exist; see GET /api/v1/playbooks.`, {
    errors: [{ path: "playbook", message: `unknown playbook "${key}"` }],
  });
}
