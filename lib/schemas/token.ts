// Inputs for the people-only agent token endpoints.
import { z } from "zod";
import { shortText } from "@/lib/schemas/common";

export const tokenCreateSchema = z.object({
  name: shortText(100),
  /** People hand out agent tokens only; the admin token is fixed by `npm start`. */
  scope: z.literal("agent").default("agent"),
});
export type TokenCreate = z.infer<typeof tokenCreateSchema>;

export const tokenIdParams = z.object({ id: z.string().min(1).max(100) });
