// `GET /login?token=<admin token>` or `?invite=<invite>` (the one-click URLs) and the login form's POST.
import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/session";
import { logIn, loginFormBody } from "@/lib/server/auth/session-cookie";

export const dynamic = "force-dynamic";

export const GET = route(contracts.logInWithLink, async ({ query }) => logIn(query));

export const POST = route(contracts.logIn, async ({ body }) => logIn(body), { parseBody: loginFormBody });
