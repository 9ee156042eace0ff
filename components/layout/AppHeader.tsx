import Link from "next/link";
import { InboxNavLink } from "@/components/inbox/InboxNavLink";
import type { Me } from "@/lib/schemas/person";

const NAV_LINK = "hover:text-zinc-900 dark:hover:text-zinc-100";

/** The header: the pages a person's role can use, and who is logged in. */
export function AppHeader({ person }: { person: Me | null }) {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      <div className="mx-auto flex h-12 max-w-6xl items-center gap-4 px-4 sm:gap-6 sm:px-6">
        <Link href="/" className="font-semibold tracking-tight">
          Baton
        </Link>
        {person && (
          <nav aria-label="Main" className="flex min-w-0 flex-1 items-center gap-3 overflow-x-auto whitespace-nowrap text-sm sm:gap-4 text-zinc-600 dark:text-zinc-400">
            <Link href="/" className={NAV_LINK}>
              Tasks
            </Link>
            <InboxNavLink />
            <Link href="/approvals" className={NAV_LINK}>
              Approvals
            </Link>
            {person.role === "admin" && (
              <>
                <Link href="/tokens" className={NAV_LINK}>
                  Tokens
                </Link>
                <Link href="/settings" className={NAV_LINK}>
                  Webhooks
                </Link>
                <Link href="/people" className={NAV_LINK}>
                  People
                </Link>
              </>
            )}
            <span data-testid="current-person" className="ml-auto inline-flex items-center gap-1.5" title={`Logged in as ${person.name}`}>
              <span className="font-medium text-zinc-900 dark:text-zinc-100">{person.displayName}</span>
              <span className="rounded-full border border-zinc-300 px-1.5 py-px text-[11px] leading-4 dark:border-zinc-700">{person.role}</span>
            </span>
            <form action="/logout" method="post">
              <button type="submit" className={NAV_LINK}>
                Log out
              </button>
            </form>
          </nav>
        )}
      </div>
    </header>
  );
}
