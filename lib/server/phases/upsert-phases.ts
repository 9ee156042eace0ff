// Phases are upserted by key in array order; phases not named are never deleted.
import type { Tx } from "@/lib/server/db/transaction";
import type { PhaseInput } from "@/lib/schemas/phase";

export async function upsertPhases(tx: Tx, taskId: number, inputs: PhaseInput[]): Promise<void> {
  const existing = await tx.phase.findMany({ where: { taskId }, select: { key: true, position: true } });
  const known = new Set(existing.map((p) => p.key));
  let nextPosition = existing.reduce((max, p) => Math.max(max, p.position), -1) + 1;
  for (const input of inputs) {
    const fields = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.requiresApproval !== undefined && { requiresApproval: input.requiresApproval }),
      ...(input.requiredApprovals !== undefined && { requiredApprovals: input.requiredApprovals }),
      ...(input.preventSelfReview !== undefined && { preventSelfReview: input.preventSelfReview }),
      ...(input.completionCriteria !== undefined && { completionCriteria: input.completionCriteria }),
      ...(input.verification !== undefined && { verification: input.verification }),
      ...(input.rollback !== undefined && { rollback: input.rollback }),
      ...(input.agent !== undefined && { agent: input.agent }),
    };
    if (known.has(input.key)) {
      if (Object.keys(fields).length > 0) await tx.phase.update({ where: { taskId_key: { taskId, key: input.key } }, data: fields });
    } else {
      await tx.phase.create({ data: { taskId, key: input.key, name: input.name ?? input.key, position: nextPosition++, ...fields } });
      known.add(input.key);
    }
  }
}

/** Finds a phase by key, creating it at the end when an agent names a new one. */
export async function ensurePhase(tx: Tx, taskId: number, key: string) {
  const existing = await tx.phase.findUnique({ where: { taskId_key: { taskId, key } } });
  if (existing) return existing;
  await upsertPhases(tx, taskId, [{ key }]);
  return tx.phase.findUniqueOrThrow({ where: { taskId_key: { taskId, key } } });
}
