import { reader } from "@/lib/server/db/transaction";
import { ensureBuiltinPlaybooks } from "@/lib/server/playbooks/install-builtin-playbooks";
import { toPlaybookView } from "@/lib/server/playbooks/playbook-view";

/** `GET /playbooks`: built-ins first, then the rest by key. */
export async function listPlaybooks() {
  await ensureBuiltinPlaybooks();
  const tx = await reader();
  const rows = await tx.playbook.findMany({ orderBy: [{ builtIn: "desc" }, { key: "asc" }] });
  return { items: rows.map(toPlaybookView) };
}
