// Upserts the built-in playbooks into the Playbook table once per process; rows already equal to
// the code are left alone, so repeated installs write nothing and append no event.
import { isDeepStrictEqual } from "node:util";
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { builtinPlaybooks } from "@/lib/server/playbooks/builtin-playbooks";

const globalForPlaybooks = globalThis as unknown as { batonBuiltinPlaybooks?: Promise<void> };

export function ensureBuiltinPlaybooks(): Promise<void> {
  const installing =
    globalForPlaybooks.batonBuiltinPlaybooks ??
    installBuiltinPlaybooks().then(
      () => undefined,
      (error: unknown) => {
        globalForPlaybooks.batonBuiltinPlaybooks = undefined;
        throw error;
      },
    );
  globalForPlaybooks.batonBuiltinPlaybooks = installing;
  return installing;
}

export async function installBuiltinPlaybooks(): Promise<string[]> {
  return transaction(async (tx) => {
    const keys = Object.keys(builtinPlaybooks);
    const existing = new Map((await tx.playbook.findMany({ where: { key: { in: keys } } })).map((row) => [row.key, row]));
    const changed: string[] = [];
    for (const [key, playbook] of Object.entries(builtinPlaybooks)) {
      const fields = { name: playbook.name, description: playbook.description ?? null, phases: playbook.phases, builtIn: true };
      const row = existing.get(key);
      const same =
        row &&
        row.builtIn &&
        row.name === fields.name &&
        row.description === fields.description &&
        isDeepStrictEqual(JSON.parse(JSON.stringify(row.phases)), JSON.parse(JSON.stringify(fields.phases)));
      if (same) continue;
      await tx.playbook.upsert({ where: { key }, create: { key, ...fields }, update: fields });
      changed.push(key);
    }
    if (changed.length > 0) {
      await appendEvent(tx, { type: "playbook.updated", actor: "baton", payload: { builtIn: true, playbooks: changed } });
    }
    return changed;
  });
}
