import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/people";
import { updatePerson } from "@/lib/server/people/update-person";
import { removePerson } from "@/lib/server/people/remove-person";

export const dynamic = "force-dynamic";

export const PATCH = route(contracts.updatePerson, async ({ params, body, person }) => ({ body: await updatePerson(params.name, body, person) }));

export const DELETE = route(contracts.removePerson, async ({ params, person }) => {
  await removePerson(params.name, person);
  return { status: 204 };
});
