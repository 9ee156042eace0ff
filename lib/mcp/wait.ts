// How long a waiting tool (ask_person, wait_for_approval) may hold the call before it reports "not yet".
import { z } from "zod";

/** Under the 60 s request timeout most MCP clients apply by default. */
export const DEFAULT_WAIT_SECONDS = 50;
export const MAX_WAIT_SECONDS = 600;

export const timeoutSecondsArgument = z
  .number()
  .int()
  .min(0)
  .max(MAX_WAIT_SECONDS)
  .default(DEFAULT_WAIT_SECONDS)
  .describe(`Wait at most this many seconds (default ${DEFAULT_WAIT_SECONDS}); 0 only looks. If nothing was decided by then, call again with the returned id.`);
