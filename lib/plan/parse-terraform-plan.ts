// Reads the text `terraform plan` prints (or `terraform show plan.out`) into its summary line and
// per-resource changes, so a reviewer sees what will be created, changed and destroyed. Browser-safe,
// and linear in the plan's size: the plan is an agent's upload, so no pattern here may backtrack.

export type PlanAction = "create" | "update" | "replace" | "destroy" | "read" | "move" | "import" | "forget";

export type PlanResource = {
  address: string;
  action: PlanAction;
  /** The `# … will be …` line as Terraform wrote it. */
  header: string;
  /** Extra `# (because …)` notes under the header. */
  reasons: string[];
  /** The attribute diff block below the header. */
  body: string[];
  /** 1-based line of the header in the plan text (for a JSON plan: position among the changes shown). */
  line: number;
};

export type PlanSummary = { import: number; add: number; change: number; destroy: number };

export type ParsedPlan = {
  /** What the plan was read from: `terraform plan` text or `terraform show -json`. */
  format: "text" | "json";
  isTerraformPlan: boolean;
  /** Something the reviewer must know before trusting the view (a JSON plan Terraform marked errored, one too large to show). */
  notice: string | null;
  summary: PlanSummary | null;
  /** The summary line verbatim, e.g. `Plan: 1 to add, 0 to change, 1 to destroy.` */
  summaryLine: string | null;
  noChanges: boolean;
  resources: PlanResource[];
  /** Resources destroyed outright or as part of a replacement. */
  destructive: PlanResource[];
  outputChanges: string[];
};

const SUMMARY = /^\s*Plan: (?:(\d+) to import, )?(\d+) to add, (\d+) to change, (\d+) to destroy\.?\s*$/;
// Diff lines are indented or start with an action symbol (`-/+ resource …`); prose, warnings and
// separators start at column 0 and end the block above them.
const PROSE = /^(?:[A-Za-z─╷│╵]|\s*# .+ has (?:changed|been deleted)\s*$)/;
const NO_CHANGES = /^\s*No changes\. /;
// ESC [ … m colour codes from a plan printed without -no-color.
const ANSI = /\u001b\[[0-9;]*m/g;

const PHRASES: [string, PlanAction][] = [
  ["will be created", "create"],
  ["will be updated in-place", "update"],
  ["will be destroyed", "destroy"],
  ["must be replaced", "replace"],
  ["will be replaced, as requested", "replace"],
  ["will be read during apply", "read"],
  ["will be imported", "import"],
  ["will no longer be managed by Terraform", "forget"],
];
const MOVED = " has moved to ";

/** A `# <address> will be created` style resource header (the address being the shortest that fits), or undefined. */
function resourceHeader(line: string): { address: string; action: PlanAction } | undefined {
  const text = line.trimStart();
  if (!text.startsWith("# ")) return undefined;
  const rest = text.slice(2);
  const moved = rest.indexOf(MOVED, 1);
  const movedAt = moved > 0 && moved + MOVED.length < rest.length ? moved : Infinity;
  const end = rest.trimEnd();
  for (const [phrase, action] of PHRASES) {
    const at = end.length - phrase.length - 1;
    if (at > 0 && at < movedAt && end.endsWith(` ${phrase}`)) return { address: rest.slice(0, at), action };
  }
  return movedAt === Infinity ? undefined : { address: rest.slice(0, movedAt), action: "move" };
}

export function parseTerraformPlan(text: string): ParsedPlan {
  const lines = text.replace(ANSI, "").split(/\r?\n/);
  const resources: PlanResource[] = [];
  let current: PlanResource | null = null;
  let summary: PlanSummary | null = null;
  let summaryLine: string | null = null;
  let noChanges = false;
  let inOutputs = false;
  const outputChanges: string[] = [];

  for (const [index, line] of lines.entries()) {
    const header = resourceHeader(line);
    if (header) {
      current = { ...header, header: line.trim(), reasons: [], body: [], line: index + 1 };
      resources.push(current);
      inOutputs = false;
      continue;
    }
    const plan = SUMMARY.exec(line);
    if (plan) {
      summary = { import: Number(plan[1] ?? 0), add: Number(plan[2]), change: Number(plan[3]), destroy: Number(plan[4]) };
      summaryLine = line.trim();
      current = null;
      continue;
    }
    if (NO_CHANGES.test(line)) noChanges = true;
    if (/^\s*Changes to Outputs:\s*$/.test(line)) {
      inOutputs = true;
      current = null;
      continue;
    }
    if (inOutputs) {
      const trimmed = line.trim();
      if (trimmed === "") {
        if (outputChanges.length > 0) inOutputs = false;
      } else if (PROSE.test(line)) inOutputs = false;
      else outputChanges.push(trimmed);
      continue;
    }
    if (!current) continue;
    if (PROSE.test(line)) current = null;
    else if (current.body.length === 0 && /^\s*# \(/.test(line)) current.reasons.push(line.trim().replace(/^# /, ""));
    else current.body.push(line);
  }

  const destructive = resources.filter((r) => r.action === "destroy" || r.action === "replace");
  return {
    format: "text",
    isTerraformPlan: summary !== null || resources.length > 0 || noChanges,
    notice: null,
    summary,
    summaryLine,
    noChanges,
    resources: resources.map(trimBody),
    destructive: destructive.map(trimBody),
    outputChanges,
  };
}

function trimBody(resource: PlanResource): PlanResource {
  const body = [...resource.body];
  while (body.length > 0 && body.at(-1)!.trim() === "") body.pop();
  return { ...resource, body };
}

/** Counts by action for plans that have resources but lost their summary line (a truncated paste). */
export function countActions(resources: PlanResource[]): Record<PlanAction, number> {
  const counts: Record<PlanAction, number> = { create: 0, update: 0, replace: 0, destroy: 0, read: 0, move: 0, import: 0, forget: 0 };
  for (const resource of resources) counts[resource.action] += 1;
  return counts;
}
