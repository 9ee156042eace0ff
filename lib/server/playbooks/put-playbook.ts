// `PUT /playbooks/{key}`: create (201) or replace (200) a playbook. Built-ins are read-only: they
// are reinstalled from code, so an edit would silently vanish (and to agents they are a person's procedure).
import { transaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { appendEvent } from "@/lib/server/events/append-event";
import type { Actor } from "@/lib/server/auth/actor";
import { ensureBuiltinPlaybooks } from "@/lib/server/playbooks/install-builtin-playbooks";
import { toPlaybookView } from "@/lib/server/playbooks/playbook-view";
import { assertMayLowerGates, gatesLoweredByReplacement, keepOmittedGates } from "@/lib/server/phases/gate-rules";
import { phaseInputSchema } from "@/lib/schemas/phase";
import type { PlaybookInput } from "@/lib/schemas/playbook";

export async function putPlaybook(key: string, input: PlaybookInput, actor: Actor) {
  await ensureBuiltinPlaybooks();
  return transaction(async (tx) => {
    const existing = await tx.playbook.findUnique({ where: { key } });
    if (existing?.builtIn) {
      if (!actor.person) throw new AppError("forbidden", `"${key}" is a built-in playbook and is read-only to agents; PUT your own under another key.`);
      throw new AppError("conflict", `"${key}" is a built-in playbook and cannot be changed; PUT it under another key.`);
    }
    const stored = existing ? phaseInputSchema.array().parse(existing.phases) : [];
    const phases = keepOmittedGates(stored, input.phases);
    const lowered = gatesLoweredByReplacement(stored, phases);
    assertMayLowerGates(actor, lowered, `this replacement of playbook "${key}"`);
    const fields = { name: input.name, description: input.description ?? null, phases };
    const row = await tx.playbook.upsert({ where: { key }, create: { key, ...fields }, update: fields });
    await appendEvent(tx, {
      type: "playbook.updated",
      actor: actor.name,
      payload: { playbook: key, created: !existing, phases: phases.map((p) => p.key), ...(lowered.length > 0 && { gatesLowered: lowered }) },
    });
    return { created: !existing, playbook: toPlaybookView(row) };
  });
}
