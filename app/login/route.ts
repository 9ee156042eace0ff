// `GET /login?token=<admin token>` (the one-click URL) and the login form's POST.
import { AppError } from "@/lib/server/errors";
import { createSessionFromAdminToken, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/server/auth/sessions";
import { publicUrl } from "@/lib/server/config";
import { errorResponse } from "@/lib/server/http/problem";
import { readBodyText } from "@/lib/server/http/read-body";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return logIn(new URL(request.url).searchParams.get("token"));
}

/** A login form holds one token; a larger body is refused before more of it is read. */
const LOGIN_BODY_LIMIT = 4 * 1024;

export async function POST(request: Request) {
  try {
    const body = await readBodyText(request, LOGIN_BODY_LIMIT);
    const contentType = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData().catch(() => null);
    const token = form?.get("token");
    return await logIn(typeof token === "string" ? token.trim() : null);
  } catch (error) {
    return errorResponse(error);
  }
}

async function logIn(token: string | null): Promise<Response> {
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

function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  if (cookie) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}
