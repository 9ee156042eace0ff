import Link from "next/link";
import { InboxNavLink } from "@/components/inbox/InboxNavLink";

export function AppHeader({ loggedIn }: { loggedIn: boolean }) {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      <div className="mx-auto flex h-12 max-w-6xl items-center gap-4 px-4 sm:gap-6 sm:px-6">
        <Link href="/" className="font-semibold tracking-tight">
          Baton
        </Link>
        {loggedIn && (
          <nav aria-label="Main" className="flex min-w-0 flex-1 items-center gap-3 overflow-x-auto whitespace-nowrap text-sm sm:gap-4 text-zinc-600 dark:text-zinc-400">
            <Link href="/" className="hover:text-zinc-900 dark:hover:text-zinc-100">
              Tasks
            </Link>
            <InboxNavLink />
            <Link href="/approvals" className="hover:text-zinc-900 dark:hover:text-zinc-100">
              Approvals
            </Link>
            <Link href="/tokens" className="hover:text-zinc-900 dark:hover:text-zinc-100">
              Tokens
            </Link>
            <Link href="/settings" className="hover:text-zinc-900 dark:hover:text-zinc-100">
              Webhooks
            </Link>
            <form action="/logout" method="post" className="ml-auto">
              <button type="submit" className="hover:text-zinc-900 dark:hover:text-zinc-100">
                Log out
              </button>
            </form>
          </nav>
        )}
      </div>
    </header>
  );
}
