// Every route's contract, in the order the OpenAPI document lists them.
import type { Contract } from "@/lib/contracts/define";
import * as system from "@/lib/contracts/system";
import * as session from "@/lib/contracts/session";
import * as tasks from "@/lib/contracts/tasks";
import * as checkpoints from "@/lib/contracts/checkpoints";
import * as phases from "@/lib/contracts/phases";
import * as blockers from "@/lib/contracts/blockers";
import * as approvals from "@/lib/contracts/approvals";
import * as handoffs from "@/lib/contracts/handoffs";
import * as batch from "@/lib/contracts/batch";
import * as events from "@/lib/contracts/events";
import * as playbooks from "@/lib/contracts/playbooks";
import * as brief from "@/lib/contracts/brief";
import * as tokens from "@/lib/contracts/tokens";
import * as people from "@/lib/contracts/people";
import * as webhooks from "@/lib/contracts/webhooks";
import * as mcp from "@/lib/contracts/mcp";

const domains = [system, session, tasks, checkpoints, phases, blockers, approvals, handoffs, batch, events, playbooks, brief, people, tokens, webhooks, mcp];

export const allContracts: Contract[] = domains.flatMap((domain) => Object.values(domain));
