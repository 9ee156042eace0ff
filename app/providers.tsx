"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { LiveEventsProvider } from "@/lib/live";
import { PersonProvider } from "@/components/auth/PersonContext";
import type { Me } from "@/lib/schemas/person";

export function Providers({ person, children }: { person: Me | null; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <PersonProvider person={person}>
        <LiveEventsProvider enabled={person !== null}>{children}</LiveEventsProvider>
      </PersonProvider>
    </QueryClientProvider>
  );
}
