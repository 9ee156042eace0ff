import { z } from "zod";
import { isoDateTime, itemsOf, keySchema, longText, shortText } from "@/lib/schemas/common";
import { phaseInputSchema } from "@/lib/schemas/phase";

/** A reusable, verified procedure (the guide's "skills"): phase templates a task instantiates. */
export const playbookInputSchema = z.object({
  name: shortText(200),
  description: longText(20_000).optional(),
  phases: z
    .array(phaseInputSchema)
    .min(1, "a playbook needs at least one phase")
    .max(100)
    .refine((phases) => new Set(phases.map((p) => p.key)).size === phases.length, { message: "phase keys must be unique" }),
});
export type PlaybookInput = z.infer<typeof playbookInputSchema>;

export const playbookParams = z.object({ key: keySchema });

export const playbookViewSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  builtIn: z.boolean(),
  phases: z.array(phaseInputSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const playbookListSchema = itemsOf(playbookViewSchema);
