import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { NeedsRole } from "@/components/auth/NeedsRole";
import { PeoplePage } from "@/components/people/PeoplePage";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People" };

export default async function PeopleRoute() {
  const person = await currentPerson();
  if (!person) return <LoginForm />;
  if (person.role !== "admin") return <NeedsRole role="admin" what="manage people" />;
  return <PeoplePage />;
}
