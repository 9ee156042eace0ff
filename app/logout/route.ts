import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/session";
import { readCookie } from "@/lib/server/auth/authenticate";
import { SESSION_COOKIE } from "@/lib/server/auth/sessions";
import { logOut } from "@/lib/server/auth/session-cookie";

export const dynamic = "force-dynamic";

// The contract's `sameOrigin` makes route() refuse a logout posted from another site (403).
export const POST = route(contracts.logOut, async ({ request }) => logOut(readCookie(request, SESSION_COOKIE)));
