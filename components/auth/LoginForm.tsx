/** Why the last login attempt opened nothing, from the `?login=` the login link redirects with. */
const REFUSALS: Record<string, string> = {
  invalid: "That token was not accepted.",
  "invite-used": "This invite link was already used. Ask an admin for a new one.",
  "invite-expired": "This invite link has expired (invites work for 7 days). Ask an admin for a new one.",
  "invite-unknown": "This invite link is not valid: it may have been replaced by a newer one, or its person removed. Ask an admin for a new one.",
};

export function LoginForm({ refusal }: { refusal?: string }) {
  const message = refusal ? REFUSALS[refusal] : undefined;
  return (
    <section className="mx-auto mt-16 max-w-md rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">Log in to Baton</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Open your invite link or the login URL that <code className="font-mono">npm start</code> printed, or paste the admin token here.
      </p>
      {message && (
        <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {message}
        </p>
      )}
      <form action="/login" method="post" className="mt-4 flex flex-col gap-3">
        <label className="text-sm font-medium" htmlFor="token">
          Admin token
        </label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          required
          className="rounded-md border border-zinc-300 bg-transparent px-3 py-2 font-mono text-sm dark:border-zinc-700"
        />
        <button type="submit" className="rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">
          Log in
        </button>
      </form>
    </section>
  );
}
