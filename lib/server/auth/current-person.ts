// The logged-in person for server components (null shows the login page).
import { cookies } from "next/headers";
import { findSession, SESSION_COOKIE } from "@/lib/server/auth/sessions";
import type { Me } from "@/lib/schemas/person";

export async function currentPerson(): Promise<Me | null> {
  const store = await cookies();
  return (await findSession(store.get(SESSION_COOKIE)?.value))?.person ?? null;
}
