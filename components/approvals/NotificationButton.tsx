"use client";

import { useSyncExternalStore, useState } from "react";

type Permission = NotificationPermission | "unsupported";

function readPermission(): Permission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** Asks for browser notifications (they must follow a click) so new approvals and questions announce themselves. */
export function NotificationButton() {
  const initial = useSyncExternalStore(
    () => () => {},
    readPermission,
    () => "unsupported" as Permission,
  );
  const [asked, setAsked] = useState<Permission | null>(null);
  const permission = asked ?? initial;
  if (permission === "unsupported") return null;
  if (permission === "granted") return <span className="text-xs text-zinc-500 dark:text-zinc-400">Notifications on</span>;
  if (permission === "denied") return <span className="text-xs text-zinc-500 dark:text-zinc-400">Notifications blocked in this browser</span>;
  return (
    <button
      type="button"
      onClick={() => void Notification.requestPermission().then(setAsked)}
      className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      Notify me when an agent needs me
    </button>
  );
}
