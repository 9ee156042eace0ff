// People who log in to the dashboard, their roles and their one-time invites (browser-safe).
import { z } from "zod";
import { isoDateTime, itemsOf, shortText } from "@/lib/schemas/common";

/** What a person may do, each role including the ones before it. */
export const PERSON_ROLES = ["viewer", "approver", "admin"] as const;
export const personRoleSchema = z
  .enum(PERSON_ROLES)
  .describe("`viewer` reads everything; `approver` also decides approvals and answers questions; `admin` also manages people, tokens and webhooks, writes as an agent would, and may lower gates.");
export type PersonRole = z.infer<typeof personRoleSchema>;

/** True when `role` includes everything `required` may do. */
export function roleAtLeast(role: PersonRole, required: PersonRole): boolean {
  return PERSON_ROLES.indexOf(role) >= PERSON_ROLES.indexOf(required);
}

export const PERSON_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const personNameSchema = z
  .string()
  .regex(PERSON_NAME_PATTERN, "must be a slug: lowercase letters, digits, '_' or '-', starting with a letter or digit, at most 40 characters");

/** The person `BATON_ADMIN_TOKEN` logs in: always an admin, never removed. */
export const OWNER = "owner";

export const personCreateSchema = z.object({
  name: personNameSchema.describe("The slug the audit log names them by (`person:<name>`); it never changes."),
  displayName: shortText(100).optional().describe("How the dashboard shows them; the name when left out."),
  role: personRoleSchema,
});
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z
  .object({ displayName: shortText(100).optional(), role: personRoleSchema.optional() })
  .refine((update) => update.displayName !== undefined || update.role !== undefined, { message: "send displayName, role or both" });
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const personNameParams = z.object({ name: personNameSchema });

export const meSchema = z.object({ name: z.string(), displayName: z.string(), role: personRoleSchema });
export type Me = z.infer<typeof meSchema>;

export const personViewSchema = meSchema.extend({
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
  /** Whether they ever logged in; an invite that was never used shows as pending. */
  joined: z.boolean(),
  inviteExpiresAt: isoDateTime.nullable().describe("When the newest unused invite stops working; null when none is open."),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const personListSchema = itemsOf(personViewSchema);

export const personInvitedSchema = personViewSchema.extend({
  inviteUrl: z.string().describe("Opening it logs the person in; it works once, for 7 days, and is shown in this response only."),
});
export type PersonInvited = z.infer<typeof personInvitedSchema>;
