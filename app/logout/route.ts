import { readCookie } from "@/lib/server/auth/authenticate";
import { endSession, SESSION_COOKIE } from "@/lib/server/auth/sessions";
import { publicUrl } from "@/lib/server/config";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  await endSession(readCookie(request, SESSION_COOKIE));
  return new Response(null, {
    status: 303,
    headers: {
      location: `${publicUrl()}/`,
      "set-cookie": `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
    },
  });
}
