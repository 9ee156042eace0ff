// `GET /login?token=<admin token>` (the one-click URL) and the login form's POST.
import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/session";
import { logIn, loginFormBody } from "@/lib/server/auth/session-cookie";

export const dynamic = "force-dynamic";

export const GET = route(contracts.logInWithLink, async ({ query }) => logIn(query.token));

export const POST = route(contracts.logIn, async ({ body }) => logIn(body.token), { parseBody: loginFormBody });
