// The logged-in person for server components (null shows the login page).
import { cookies } from "next/headers";
import { findSession, SESSION_COOKIE } from "@/lib/server/auth/sessions";

export async function currentPerson() {
  const store = await cookies();
  return findSession(store.get(SESSION_COOKIE)?.value);
}
