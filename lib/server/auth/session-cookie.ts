// The redirects that start and end a person's session, with the cookie that carries it.
import { AppError } from "@/lib/server/errors";
import { createSessionFromAdminToken, endSession, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/server/auth/sessions";
import { publicUrl } from "@/lib/server/config";

type Redirect = { status: 303; headers: Record<string, string> };

function redirect(location: string, cookie?: string): Redirect {
  return { status: 303, headers: { location, "cache-control": "no-store", ...(cookie && { "set-cookie": cookie }) } };
}

/** A valid admin token becomes a session cookie; any other token goes back to the login page. */
export async function logIn(token: string | undefined): Promise<Redirect> {
  const origin = publicUrl();
  if (!token) return redirect(`${origin}/`);
  try {
    const { cookieValue } = await createSessionFromAdminToken(token);
    const secure = origin.startsWith("https:") ? "; Secure" : "";
    return redirect(`${origin}/`, `${SESSION_COOKIE}=${cookieValue}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_SECONDS}${secure}`);
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
