import { z } from "zod";
import { claimedAgentName } from "@/lib/schemas/common";

export const heartbeatInputSchema = z.object({ agent: claimedAgentName.optional() });
export type HeartbeatInput = z.infer<typeof heartbeatInputSchema>;
