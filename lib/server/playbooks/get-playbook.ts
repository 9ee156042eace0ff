import { reader } from "@/lib/server/db/transaction";
import { notFound } from "@/lib/server/errors";
import { ensureBuiltinPlaybooks } from "@/lib/server/playbooks/install-builtin-playbooks";
import { toPlaybookView } from "@/lib/server/playbooks/playbook-view";

export async function getPlaybook(key: string) {
  await ensureBuiltinPlaybooks();
  const tx = await reader();
  const row = await tx.playbook.findUnique({ where: { key } });
  if (!row) throw notFound(`Playbook "${key}"`);
  return toPlaybookView(row);
}
