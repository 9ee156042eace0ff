// The redirects that start and end a person's session, with the cookie that carries it.
import { AppError } from "@/lib/server/errors";
import { createSessionFromAdminToken, createSessionFromInvite, endSession, SESSION_COOKIE, SESSION_TTL_SECONDS, type NewSession } from "@/lib/server/auth/sessions";
import { publicUrl } from "@/lib/server/config";
import type { Login } from "@/lib/schemas/session";

type Redirect = { status: 303; headers: Record<string, string> };

function redirect(location: string, cookie?: string): Redirect {
  return { status: 303, headers: { location, "cache-control": "no-store", ...(cookie && { "set-cookie": cookie }) } };
}

function loggedIn(session: NewSession): Redirect {
  const origin = publicUrl();
  const secure = origin.startsWith("https:") ? "; Secure" : "";
  return redirect(`${origin}/`, `${SESSION_COOKIE}=${session.cookieValue}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_SECONDS}${secure}`);
}

/**
 * A valid admin token logs the owner in, a valid invite its person; anything else goes back to the login
 * page, which says why (`?login=invalid`, `invite-used`, `invite-expired`, `invite-unknown`).
 */
export async function logIn({ token, invite }: Login): Promise<Redirect> {
  const origin = publicUrl();
  if (invite) {
    const opened = await createSessionFromInvite(invite);
    return "refused" in opened ? redirect(`${origin}/?login=invite-${opened.refused}`) : loggedIn(opened);
  }
  if (!token) return redirect(`${origin}/`);
  try {
    return loggedIn(await createSessionFromAdminToken(token));
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") return redirect(`${origin}/?login=invalid`);
    throw error;
  }
}

export async function logOut(cookieValue: string | undefined): Promise<Redirect> {
  await endSession(cookieValue);
  return redirect(`${publicUrl()}/`, `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
}

/** The login form posts `token=…` urlencoded. */
export function loginFormBody(raw: string, contentType: string): unknown {
  if (!contentType.startsWith("application/x-www-form-urlencoded")) {
    throw new AppError("unsupported-media-type", `Send the login form as application/x-www-form-urlencoded (got ${contentType}).`);
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
