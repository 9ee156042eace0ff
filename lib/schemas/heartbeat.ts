import { z } from "zod";
import { agentName } from "@/lib/schemas/common";

export const heartbeatInputSchema = z.object({ agent: agentName.optional() });
export type HeartbeatInput = z.infer<typeof heartbeatInputSchema>;
