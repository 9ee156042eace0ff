import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/people";
import { invitePerson } from "@/lib/server/people/invite-person";
import { listPeople } from "@/lib/server/people/list-people";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listPeople, async () => ({ body: await listPeople() }));

export const POST = route(contracts.invitePerson, async ({ body, person }) => ({ status: 201, body: await invitePerson(body, person) }));
