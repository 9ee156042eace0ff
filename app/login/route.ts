// `GET /login?token=<admin token>` (the one-click URL) and the login form's POST.
import { AppError } from "@/lib/server/errors";
import { createSessionFromAdminToken, SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/server/auth/sessions";
import { publicUrl } from "@/lib/server/config";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token");
  return logIn(request, token);
}

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const token = form?.get("token");
  return logIn(request, typeof token === "string" ? token.trim() : null);
}

async function logIn(request: Request, token: string | null): Promise<Response> {
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
