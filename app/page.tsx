import { Suspense } from "react";
import { LoginForm } from "@/components/auth/LoginForm";
import { TaskOverview } from "@/components/tasks/TaskOverview";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const person = await currentPerson();
  if (!person) return <LoginForm refusal={(await searchParams).login} />;
  return (
    <Suspense>
      <TaskOverview />
    </Suspense>
  );
}
