// Every route's contract, in the order the OpenAPI document lists them.
import type { Contract } from "@/lib/contracts/define";
import * as tasks from "@/lib/contracts/tasks";
import * as mcp from "@/lib/contracts/mcp";
import { operations as system } from "@/lib/openapi/paths/system";
import { operations as checkpoints } from "@/lib/openapi/paths/checkpoints";
import { operations as phases } from "@/lib/openapi/paths/phases";
import { operations as blockers } from "@/lib/openapi/paths/blockers";
import { operations as approvals } from "@/lib/openapi/paths/approvals";
import { operations as handoffs } from "@/lib/openapi/paths/handoffs";
import { operations as batch } from "@/lib/openapi/paths/batch";
import { operations as events } from "@/lib/openapi/paths/events";
import { operations as playbooks } from "@/lib/openapi/paths/playbooks";
import { operations as brief } from "@/lib/openapi/paths/brief";
import { operations as tokens } from "@/lib/openapi/paths/tokens";
import { operations as webhooks } from "@/lib/openapi/paths/webhooks";

export const allContracts: Contract[] = [
  ...system,
  ...Object.values(tasks),
  ...checkpoints,
  ...phases,
  ...blockers,
  ...approvals,
  ...handoffs,
  ...batch,
  ...events,
  ...playbooks,
  ...brief,
  ...tokens,
  ...webhooks,
  ...Object.values(mcp),
];
