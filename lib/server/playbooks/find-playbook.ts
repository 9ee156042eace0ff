import type { Tx } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { phaseInputSchema, type PhaseInput } from "@/lib/schemas/phase";

export async function requirePlaybookPhases(tx: Tx, key: string): Promise<PhaseInput[]> {
  const playbook = await tx.playbook.findUnique({ where: { key } });
  if (!playbook) {
    throw new AppError("validation-failed", `Playbook "${key}" does not exist; see GET /api/v1/playbooks.`, {
      errors: [{ path: "playbook", message: `unknown playbook "${key}"` }],
    });
  }
  return phaseInputSchema.array().parse(playbook.phases);
}
