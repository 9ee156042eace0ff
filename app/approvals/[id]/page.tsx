import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { ApprovalPage } from "@/components/approvals/ApprovalPage";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approval" };

export default async function ApprovalRoute({ params }: { params: Promise<{ id: string }> }) {
  const person = await currentPerson();
  if (!person) return <LoginForm />;
  const { id } = await params;
  return <ApprovalPage id={id} viewer={`person:${person.name}`} />;
}
