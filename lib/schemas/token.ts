// Inputs for the people-only agent token endpoints.
import { z } from "zod";
import { isoDateTime, itemsOf, shortText } from "@/lib/schemas/common";

export const tokenCreateSchema = z.object({
  name: shortText(100),
  /** People hand out agent tokens only; the admin token is fixed by `npm start`. */
  scope: z.literal("agent").default("agent"),
});
export type TokenCreate = z.infer<typeof tokenCreateSchema>;

export const tokenIdParams = z.object({ id: z.string().min(1).max(100) });

/** A token as people see it: never the secret, only its first characters. */
export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(["agent", "admin"]),
  prefix: z.string(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});

export const tokenCreatedSchema = tokenViewSchema.extend({ token: z.string().describe("The secret, shown in this response only.") });

export const tokenListSchema = itemsOf(tokenViewSchema);
