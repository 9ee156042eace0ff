// `PUT /playbooks/{key}`: create (201) or replace (200) a playbook. Built-ins are read-only: they
// are reinstalled from code, so an edit would silently vanish.
import { transaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { appendEvent } from "@/lib/server/events/append-event";
import { ensureBuiltinPlaybooks } from "@/lib/server/playbooks/install-builtin-playbooks";
import { toPlaybookView } from "@/lib/server/playbooks/playbook-view";
import type { PlaybookInput } from "@/lib/schemas/playbook";

export async function putPlaybook(key: string, input: PlaybookInput, actor: string) {
  await ensureBuiltinPlaybooks();
  return transaction(async (tx) => {
    const existing = await tx.playbook.findUnique({ where: { key } });
    if (existing?.builtIn) {
      throw new AppError("conflict", `"${key}" is a built-in playbook and cannot be changed; PUT it under another key.`);
    }
    const fields = { name: input.name, description: input.description ?? null, phases: input.phases };
    const row = await tx.playbook.upsert({ where: { key }, create: { key, ...fields }, update: fields });
    await appendEvent(tx, { type: "playbook.updated", actor, payload: { playbook: key, created: !existing, phases: input.phases.map((p) => p.key) } });
    return { created: !existing, playbook: toPlaybookView(row) };
  });
}
