"use client";

import { formatExact } from "@/lib/format/relative-time";
import { useNow } from "@/components/ui/RelativeTime";

/** "in 23 h 59 min" until an approval expires, with the exact time on hover. */
export function ExpiresIn({ iso }: { iso: string }) {
  const now = useNow();
  const exact = formatExact(iso);
  return (
    <time dateTime={iso} title={exact} suppressHydrationWarning>
      {now === null ? exact : formatUntil(new Date(iso).getTime() - now)}
    </time>
  );
}

function formatUntil(ms: number): string {
  if (ms <= 60_000) return "in under a minute";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `in ${days} d ${hours} h`;
  if (hours > 0) return `in ${hours} h ${minutes % 60} min`;
  return `in ${minutes} min`;
}
