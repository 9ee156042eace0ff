import { z } from "zod";
import { agentName, longText, stringList } from "@/lib/schemas/common";

/** The guide's split-brain handoff: "What's Complete / What's Needed / Next Steps". */
export const handoffInputSchema = z.object({
  from: agentName,
  to: agentName,
  complete: stringList().default([]),
  needed: stringList().default([]),
  nextSteps: stringList().default([]),
  body: longText(200_000).optional(),
});
export type HandoffInput = z.infer<typeof handoffInputSchema>;
