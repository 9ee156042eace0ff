// The login form and the one-click login links: the admin token (the owner) or a person's invite.
import { z } from "zod";

export const loginSchema = z.object({
  token: z.string().trim().max(1000).optional().describe("The admin token printed by `npm start`; it logs in the owner."),
  invite: z.string().trim().max(200).optional().describe("A person's one-time invite from `POST /api/v1/people`."),
});
export type Login = z.infer<typeof loginSchema>;
