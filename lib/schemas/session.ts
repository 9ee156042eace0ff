// The login form and the one-click login link: both carry the admin token.
import { z } from "zod";

export const loginSchema = z.object({
  token: z.string().trim().max(1000).optional().describe("The admin token printed by `npm start`."),
});
export type Login = z.infer<typeof loginSchema>;
