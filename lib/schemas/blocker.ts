import { z } from "zod";
import { agentName, keySchema, longText, shortText } from "@/lib/schemas/common";

export const blockerKinds = ["dependency", "access", "decision", "rate_limit", "resource", "other"] as const;
export const blockerKindSchema = z.enum(blockerKinds);

export const blockerInputSchema = z.object({
  title: shortText(300),
  detail: longText(20_000).optional(),
  kind: blockerKindSchema.default("other"),
  owner: agentName.optional(),
  phase: keySchema.optional(),
});
export type BlockerInput = z.infer<typeof blockerInputSchema>;

export const blockerResolveSchema = z.object({
  status: z.literal("resolved"),
  resolution: shortText(20_000),
});
export type BlockerResolve = z.infer<typeof blockerResolveSchema>;

export const blockerParams = z.object({ key: keySchema, id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
