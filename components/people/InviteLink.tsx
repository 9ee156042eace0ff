import { CopyButton } from "@/components/ui/CopyButton";
import type { PersonInvited } from "@/lib/schemas/person";

/** A freshly issued invite link, shown once. */
export function InviteLink({ person }: { person: PersonInvited }) {
  return (
    <div role="status" className="mt-3 flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-900 dark:bg-amber-950/50">
      <p className="font-semibold">
        Send this link to {person.displayName} now: it is not shown again. It logs them in once, within 7 days, as {person.role}.
      </p>
      <div className="flex items-center gap-2">
        <code aria-label={`Invite link for ${person.name}`} className="min-w-0 flex-1 break-all font-mono text-xs">
          {person.inviteUrl}
        </code>
        <CopyButton text={person.inviteUrl} />
      </div>
    </div>
  );
}
