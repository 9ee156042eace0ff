import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/people";
import { reinvitePerson } from "@/lib/server/people/reinvite-person";

export const dynamic = "force-dynamic";

export const POST = route(contracts.reinvitePerson, async ({ params, person }) => ({ status: 201, body: await reinvitePerson(params.name, person) }));
