// Contracts of people, their roles and invites (admins only), and `GET /me`.
import { defineContract } from "@/lib/contracts/define";
import { meSchema, personCreateSchema, personInvitedSchema, personListSchema, personNameParams, personUpdateSchema, personViewSchema } from "@/lib/schemas/person";

export const invitePerson = defineContract({
  method: "POST",
  path: "/api/v1/people",
  operationId: "invitePerson",
  summary: "Add a person with a role; the answer holds their one-time invite link (admin only)",
  description:
    "`inviteUrl` (`/login?invite=…`) logs the person in once, within 7 days; it is shown in this response only and stored hashed. A used, expired or replaced link opens the login page with a message saying so.",
  tags: ["people"],
  auth: "person",
  role: "admin",
  body: { schema: personCreateSchema },
  responses: { 201: { description: "The person and their invite link.", schema: personInvitedSchema } },
  errors: [409],
  // The invite is shown exactly once; its secret must not sit in the idempotency table.
  idempotent: false,
});

export const listPeople = defineContract({
  method: "GET",
  path: "/api/v1/people",
  operationId: "listPeople",
  summary: "Everyone who may log in, with their role (admin only)",
  tags: ["people"],
  auth: "person",
  role: "admin",
  responses: { 200: { description: "The people, the owner first.", schema: personListSchema } },
});

export const updatePerson = defineContract({
  method: "PATCH",
  path: "/api/v1/people/{name}",
  operationId: "updatePerson",
  summary: "Change a person's role or display name; it holds from their next request (admin only)",
  tags: ["people"],
  auth: "person",
  role: "admin",
  params: personNameParams,
  body: { schema: personUpdateSchema },
  responses: { 200: { description: "The person as changed.", schema: personViewSchema } },
  errors: [404, 409],
});

export const removePerson = defineContract({
  method: "DELETE",
  path: "/api/v1/people/{name}",
  operationId: "removePerson",
  summary: "Remove a person: their sessions end at once; their decisions stay in the audit log (admin only)",
  tags: ["people"],
  auth: "person",
  role: "admin",
  params: personNameParams,
  responses: { 204: { description: "Removed; the name may be invited again." } },
  errors: [404, 409],
});

export const reinvitePerson = defineContract({
  method: "POST",
  path: "/api/v1/people/{name}/invites",
  operationId: "reinvitePerson",
  summary: "A new one-time invite link for a person; their earlier unused link stops working (admin only)",
  tags: ["people"],
  auth: "person",
  role: "admin",
  params: personNameParams,
  responses: { 201: { description: "The person and their new invite link.", schema: personInvitedSchema } },
  errors: [404, 409],
  idempotent: false,
});

export const getMe = defineContract({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  summary: "The person calling (the owner for the admin token); agent tokens are no person (403)",
  tags: ["people"],
  auth: "person",
  role: "viewer",
  responses: { 200: { description: "Who is logged in, and their role.", schema: meSchema } },
});
