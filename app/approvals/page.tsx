import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { ApprovalInbox } from "@/components/approvals/ApprovalInbox";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsRoute() {
  if (!(await currentPerson())) return <LoginForm />;
  return <ApprovalInbox />;
}
