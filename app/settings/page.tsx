import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { NeedsRole } from "@/components/auth/NeedsRole";
import { WebhooksPage } from "@/components/webhooks/WebhooksPage";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhooks" };

export default async function SettingsRoute() {
  const person = await currentPerson();
  if (!person) return <LoginForm />;
  if (person.role !== "admin") return <NeedsRole role="admin" what="manage webhooks" />;
  return <WebhooksPage />;
}
