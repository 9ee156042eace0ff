import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { TokensPage } from "@/components/tokens/TokensPage";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tokens" };

export default async function TokensRoute() {
  if (!(await currentPerson())) return <LoginForm failed={false} />;
  return <TokensPage />;
}
