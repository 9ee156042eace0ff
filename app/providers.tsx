"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { LiveEventsProvider } from "@/lib/live";

export function Providers({ loggedIn, children }: { loggedIn: boolean; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <LiveEventsProvider enabled={loggedIn}>{children}</LiveEventsProvider>
    </QueryClientProvider>
  );
}
