import { LoginForm } from "@/components/auth/LoginForm";
import { TaskPage } from "@/components/task/TaskPage";
import { currentPerson } from "@/lib/server/auth/current-person";

export const dynamic = "force-dynamic";

export default async function TaskRoute({ params }: { params: Promise<{ key: string }> }) {
  const person = await currentPerson();
  if (!person) return <LoginForm />;
  const { key } = await params;
  return <TaskPage taskKey={key} viewer={`person:${person.name}`} />;
}
