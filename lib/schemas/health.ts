// What `GET /api/health` answers.
import { z } from "zod";

export const healthSchema = z.object({
  status: z.enum(["ok", "error"]),
  database: z.object({
    status: z.enum(["ok", "error"]),
    latencyMs: z.number().optional(),
    detail: z.string().optional(),
  }),
});
