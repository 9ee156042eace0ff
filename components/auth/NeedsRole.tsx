import type { PersonRole } from "@/lib/schemas/person";

/** What a page shows a person whose role does not reach it, instead of controls that would only answer 403. */
export function NeedsRole({ role, what }: { role: PersonRole; what: string }) {
  return (
    <section className="mx-auto mt-16 max-w-md rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">Needs {role}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Only a person with the <strong>{role}</strong> role can {what}. Ask an admin to change your role.
      </p>
    </section>
  );
}
