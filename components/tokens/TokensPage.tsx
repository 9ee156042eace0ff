"use client";

import { useId, useState } from "react";
import { useCreateToken, useRevokeToken, useTokens } from "@/components/tokens/queries";
import { CopyButton } from "@/components/ui/CopyButton";
import { Panel } from "@/components/ui/Panel";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Skeleton } from "@/components/ui/Skeleton";

/** `/tokens`: mint agent tokens (the secret is shown once), see when each was last used, revoke them. */
export function TokensPage() {
  const nameId = useId();
  const [name, setName] = useState("");
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold tracking-tight">Agent tokens</h1>
      <Panel id="new-token" title="New agent token">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) create.mutate(name.trim(), { onSuccess: () => setName("") });
          }}
        >
          <label htmlFor={nameId} className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
            Name
            <input
              id={nameId}
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="e.g. CI runner, Claude Code on my laptop"
              maxLength={100}
              className="rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-normal dark:border-zinc-700 dark:bg-zinc-950"
            />
          </label>
          <button type="submit" disabled={create.isPending || !name.trim()} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
            Create token
          </button>
        </form>
        {create.error && (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {create.error.message}
          </p>
        )}
        {create.data && (
          <div role="status" className="mt-3 flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-900 dark:bg-amber-950/50">
            <p className="font-semibold">Copy the token for “{create.data.name}” now: it is not shown again.</p>
            <div className="flex items-center gap-2">
              <code aria-label="New token" className="min-w-0 flex-1 break-all font-mono text-xs">
                {create.data.token}
              </code>
              <CopyButton text={create.data.token} />
            </div>
          </div>
        )}
      </Panel>
      <Panel id="token-list" title="Tokens" flush>
        {tokens.isPending && <Skeleton className="m-3 h-10" />}
        {tokens.error && <p className="p-3 text-sm text-red-700 dark:text-red-400">{tokens.error.message}</p>}
        <ul aria-label="Tokens" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
          {tokens.data?.items.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <span className="min-w-0 flex-1">
                <span className={`font-medium ${token.revokedAt ? "text-zinc-400 line-through" : ""}`}>{token.name}</span>
                <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">{token.prefix}…</span>
                <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">{token.scope}</span>
              </span>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">
                {token.lastUsedAt ? (
                  <>
                    used <RelativeTime iso={token.lastUsedAt} />
                  </>
                ) : (
                  "never used"
                )}
              </span>
              {token.revokedAt ? (
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  revoked <RelativeTime iso={token.revokedAt} />
                </span>
              ) : (
                token.scope === "agent" && (
                  <button
                    type="button"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (window.confirm(`Revoke “${token.name}”? Agents using it get 401 from now on.`)) revoke.mutate(token.id);
                    }}
                    className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:border-red-400 hover:text-red-700 dark:border-zinc-700"
                    aria-label={`Revoke ${token.name}`}
                  >
                    Revoke
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
