import type { ReactNode } from "react";
import type { PersonRole } from "@/lib/schemas/person";

/** Stands in for controls the logged-in person's role cannot use. */
export function RoleNote({ role, children }: { role: PersonRole; children: ReactNode }) {
  return (
    <p data-testid="role-note" className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
      Only people with the <strong>{role}</strong> role can {children}. Ask an admin if you need to.
    </p>
  );
}
