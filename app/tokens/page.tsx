import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { NeedsRole } from "@/components/auth/NeedsRole";
import { TokensPage } from "@/components/tokens/TokensPage";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tokens" };

export default async function TokensRoute() {
  const person = await currentPerson();
  if (!person) return <LoginForm />;
  if (person.role !== "admin") return <NeedsRole role="admin" what="manage agent tokens" />;
  return <TokensPage />;
}
