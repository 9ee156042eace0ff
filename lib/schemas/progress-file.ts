// The guide's `progress.json`, field for field (snake_case on purpose: it is the guide's file format).
import { z } from "zod";
import { keySchema, longText, shortText } from "@/lib/schemas/common";

const phaseKeys = z.array(keySchema).max(100);

export const progressFileSchema = z
  .object({
    task: shortText(300).describe("The task's title."),
    started_at: z.iso.datetime({ offset: true }).nullable().optional().describe('e.g. "2026-03-14T10:00:00Z"'),
    current_phase: keySchema.nullable().optional(),
    completed_phases: phaseKeys.default([]),
    pending_phases: phaseKeys.default([]),
    blockers: z.array(shortText(300)).max(100).default([]).describe("Titles of the open blockers."),
    notes: longText(100_000).nullable().optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    const lists = [
      ["current_phase", file.current_phase ? [file.current_phase] : []],
      ["completed_phases", file.completed_phases],
      ["pending_phases", file.pending_phases],
    ] as const;
    for (const [field, keys] of lists) {
      keys.forEach((key, index) => {
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: field === "current_phase" ? [field] : [field, index], message: `phase "${key}" is listed twice` });
        seen.add(key);
      });
    }
  });
export type ProgressFile = z.infer<typeof progressFileSchema>;

/** The progress file as Baton writes it: every field present. */
export const progressFileViewSchema = z.object({
  task: z.string(),
  started_at: z.string().nullable(),
  current_phase: z.string().nullable(),
  completed_phases: z.array(z.string()),
  pending_phases: z.array(z.string()),
  blockers: z.array(z.string()),
  notes: z.string().nullable(),
});
