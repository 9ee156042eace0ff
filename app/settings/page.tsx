import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { WebhooksPage } from "@/components/webhooks/WebhooksPage";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhooks" };

export default async function SettingsRoute() {
  if (!(await currentPerson())) return <LoginForm failed={false} />;
  return <WebhooksPage />;
}
