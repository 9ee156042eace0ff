import { z } from "zod";
import { claimedAgentName, isoDateTime, itemsOf, longText, stringList } from "@/lib/schemas/common";

/**
 * The guide's split-brain handoff: "What's Complete / What's Needed / Next Steps".
 * `fromAgent` / `toAgent` are accepted as aliases of `from` / `to` (the names the stored rows use).
 */
export const handoffInputSchema = z
  .object({
    from: claimedAgentName.optional(),
    to: claimedAgentName.optional(),
    fromAgent: claimedAgentName.optional(),
    toAgent: claimedAgentName.optional(),
    complete: stringList().default([]),
    needed: stringList().default([]),
    nextSteps: stringList().default([]),
    body: longText(200_000).optional(),
  })
  .refine((h) => (h.from ?? h.fromAgent) !== undefined, { message: "from (the agent handing off) is required", path: ["from"] })
  .refine((h) => (h.to ?? h.toAgent) !== undefined, { message: "to (the agent taking over) is required", path: ["to"] })
  .transform(({ fromAgent, toAgent, ...handoff }) => ({ ...handoff, from: (handoff.from ?? fromAgent)!, to: (handoff.to ?? toAgent)! }));
export type HandoffInput = z.output<typeof handoffInputSchema>;

export const handoffViewSchema = z.object({
  id: z.number().int(),
  task: z.string(),
  from: z.string(),
  to: z.string(),
  complete: z.array(z.string()),
  needed: z.array(z.string()),
  nextSteps: z.array(z.string()),
  body: z.string().nullable(),
  createdAt: isoDateTime,
});

export const handoffListSchema = itemsOf(handoffViewSchema);
