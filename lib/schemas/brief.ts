import { z } from "zod";
import { agentName } from "@/lib/schemas/common";

export const briefQuerySchema = z.object({
  agent: agentName.optional().describe("Narrow the brief to this agent's lane and the handoffs addressed to it."),
});
export type BriefQuery = z.infer<typeof briefQuerySchema>;
