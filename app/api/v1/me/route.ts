import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/people";
import { getMe } from "@/lib/server/people/get-me";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getMe, async ({ person }) => ({ body: await getMe(person) }));
