import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { InboxPage } from "@/components/inbox/InboxPage";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Inbox" };

export default async function InboxRoute() {
  if (!(await currentPerson())) return <LoginForm />;
  return <InboxPage />;
}
