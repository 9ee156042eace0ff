"use client";

import { useId, useState } from "react";
import { useInvitePerson } from "@/components/people/queries";
import { InviteLink } from "@/components/people/InviteLink";
import { RoleSelect } from "@/components/people/RoleSelect";
import type { PersonRole } from "@/lib/schemas/person";

/** Invite someone with a role; their one-time link is shown here once. */
export function InviteForm() {
  const nameId = useId();
  const displayNameId = useId();
  const [name, setName] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<PersonRole>("viewer");
  const invite = useInvitePerson();

  return (
    <>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate(
            { name: name.trim(), role, ...(displayName.trim() && { displayName: displayName.trim() }) },
            {
              onSuccess: () => {
                setName("");
                setDisplayName("");
              },
            },
          );
        }}
      >
        <label htmlFor={nameId} className="flex min-w-40 flex-1 flex-col gap-1 text-sm font-medium">
          Name
          <input
            id={nameId}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. alice"
            pattern="[a-z0-9][a-z0-9_\-]{0,39}"
            title="Lowercase letters, digits, '_' or '-'"
            required
            className="rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-sm font-normal dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
        <label htmlFor={displayNameId} className="flex min-w-40 flex-1 flex-col gap-1 text-sm font-medium">
          Display name (optional)
          <input
            id={displayNameId}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            placeholder="e.g. Alice Smith"
            maxLength={100}
            className="rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-normal dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
        <RoleSelect label="Role" value={role} onChange={setRole} />
        <button type="submit" disabled={invite.isPending || !name.trim()} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
          Invite
        </button>
      </form>
      {invite.error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {invite.error.message}
        </p>
      )}
      {invite.data && <InviteLink person={invite.data} />}
    </>
  );
}
