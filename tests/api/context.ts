// What every API test needs: the running server and clients holding its tokens.
import { inject } from "vitest";
import { client } from "../support/http";

export const baseUrl = inject("baseUrl");
export const agentToken = inject("agentToken");
export const adminToken = inject("adminToken");
export const api = client(baseUrl, agentToken);

let counter = 0;
/** A task key unique to this test run, so tests never see each other's data. */
export function uniqueKey(prefix = "task"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
