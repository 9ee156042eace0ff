"use client";

import { InviteForm } from "@/components/people/InviteForm";
import { InviteLink } from "@/components/people/InviteLink";
import { RoleSelect } from "@/components/people/RoleSelect";
import { usePeople, useReinvitePerson, useRemovePerson, useUpdatePerson } from "@/components/people/queries";
import { usePerson } from "@/components/auth/PersonContext";
import { Panel } from "@/components/ui/Panel";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Skeleton } from "@/components/ui/Skeleton";
import { OWNER } from "@/lib/schemas/person";

const ROLE_HELP = "Viewers read everything; approvers also decide approvals and answer questions; admins also manage people, tokens and webhooks and may lower gates.";

/** `/people`: invite people with a role (the link is shown once), change roles, remove people. */
export function PeoplePage() {
  const me = usePerson();
  const people = usePeople();
  const update = useUpdatePerson();
  const reinvite = useReinvitePerson();
  const remove = useRemovePerson();
  const error = update.error ?? reinvite.error ?? remove.error;

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold tracking-tight">People</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{ROLE_HELP}</p>
      <Panel id="invite-person" title="Invite someone">
        <InviteForm />
      </Panel>
      <Panel id="people-list" title="People" flush>
        {people.isPending && <Skeleton className="m-3 h-10" />}
        {people.error && <p className="p-3 text-sm text-red-700 dark:text-red-400">{people.error.message}</p>}
        {error && (
          <p role="alert" className="px-3 pt-3 text-sm text-red-700 dark:text-red-400">
            {error.message}
          </p>
        )}
        {reinvite.data && (
          <div className="px-3">
            <InviteLink person={reinvite.data} />
          </div>
        )}
        <ul aria-label="People" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
          {people.data?.items.map((person) => (
            <li key={person.name} aria-label={person.displayName} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <span className="min-w-0 flex-1">
                <span className="font-medium">{person.displayName}</span>
                <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">{person.name}</span>
                {person.name === me?.name && <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">(you)</span>}
              </span>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">
                {person.joined ? (
                  <>
                    added <RelativeTime iso={person.createdAt} />
                  </>
                ) : person.inviteExpiresAt ? (
                  <>
                    invited, link expires <RelativeTime iso={person.inviteExpiresAt} />
                  </>
                ) : (
                  "invite expired"
                )}
              </span>
              <RoleSelect
                label={`Role of ${person.displayName}`}
                hideLabel
                value={person.role}
                disabled={person.name === OWNER || update.isPending}
                onChange={(role) => update.mutate({ name: person.name, update: { role } })}
              />
              {person.name !== OWNER && (
                <>
                  {!person.joined && (
                    <button
                      type="button"
                      disabled={reinvite.isPending}
                      onClick={() => reinvite.mutate(person.name)}
                      className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:border-zinc-500 dark:border-zinc-700"
                      aria-label={`New link for ${person.displayName}`}
                    >
                      New link
                    </button>
                  )}
                  <button
                    type="button"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(`Remove ${person.displayName}? They are logged out at once; what they decided stays in the audit log.`)) remove.mutate(person.name);
                    }}
                    className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:border-red-400 hover:text-red-700 dark:border-zinc-700"
                    aria-label={`Remove ${person.displayName}`}
                  >
                    Remove
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
