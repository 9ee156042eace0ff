// Turns one Terraform JSON change (before, after and their unknown/sensitive mirrors) into per-attribute changes
// with dotted paths, the way the text plan shows them: unknowns read "(known after apply)", sensitive values are
// never copied out of the plan. One pass over each value; deep or enormous values are bounded by a budget.
import type { TerraformChange } from "@/lib/plan/terraform-json-schema";

export const KNOWN_AFTER_APPLY = "(known after apply)";
export const SENSITIVE_VALUE = "(sensitive value)";

export type AttributeChange = {
  /** `tags.Name`, `root_block_device[0].volume_size`, `tags["kubernetes.io/role"]` */
  path: string;
  kind: "add" | "remove" | "update" | "unchanged";
  before: string | null;
  after: string | null;
  forcesReplacement: boolean;
};

/** How much of a plan may be flattened before the viewer gives up on a structured view. */
export type FlattenBudget = { leaves: number; pathChars: number };

export class PlanTooLargeError extends Error {}

// Beyond this nesting a value is shown whole on one line, so hostile nesting cannot exhaust the stack.
const MAX_DEPTH = 32;
const MAX_SHOWN_CHARS = 2_000;
// Keys of leaves whose value cannot be compared: they always count as changed, so nothing is hidden.
const UNKNOWN_KEY = "\u0000unknown";
const TOO_DEEP_KEY = "\u0000too-deep";

type Leaf = { key: string; shown: string };
type Mirror = unknown;

function child(mirror: Mirror, step: string | number): Mirror {
  if (mirror === null || typeof mirror !== "object") return undefined;
  return (mirror as Record<string | number, unknown>)[step];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function pathStep(parent: string, step: string | number): string {
  if (typeof step === "number") return `${parent}[${step}]`;
  if (IDENTIFIER.test(step)) return parent === "" ? step : `${parent}.${step}`;
  return `${parent}[${JSON.stringify(step)}]`;
}

/** A value shown whole: its JSON (cut short when long), or a marker when the engine cannot even serialize it. */
function leafOf(value: unknown, sensitive: boolean): Leaf {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return { key: TOO_DEEP_KEY, shown: sensitive ? SENSITIVE_VALUE : "(nested too deep to show)" };
  }
  if (sensitive) return { key: text, shown: SENSITIVE_VALUE };
  return { key: text, shown: text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}… (${text.length - MAX_SHOWN_CHARS} more characters)` : text };
}

function flatten(value: unknown, sensitive: Mirror, unknown: Mirror, path: string, depth: number, out: Map<string, Leaf>, budget: FlattenBudget) {
  const add = (leaf: Leaf) => {
    budget.leaves -= 1;
    budget.pathChars -= path.length;
    if (budget.leaves < 0 || budget.pathChars < 0) throw new PlanTooLargeError();
    out.set(path, leaf);
  };
  if (unknown === true) return add({ key: UNKNOWN_KEY, shown: KNOWN_AFTER_APPLY });
  const isContainer = value !== null && typeof value === "object";
  const unknownInside = unknown !== null && typeof unknown === "object";
  if ((!isContainer && !unknownInside) || sensitive === true || depth >= MAX_DEPTH) {
    if (value !== null && value !== undefined) add(leafOf(value, sensitive === true));
    return;
  }
  const steps: (string | number)[] = Array.isArray(value)
    ? value.map((_, index) => index)
    : isContainer
      ? Object.keys(value)
      : [];
  if (unknownInside) {
    const seen = new Set<string | number>(steps);
    const extra = Array.isArray(unknown) ? unknown.map((_, index) => index) : Object.keys(unknown);
    for (const step of extra) if (!seen.has(step) && child(unknown, step) === true) steps.push(step);
  }
  if (steps.length === 0) {
    if (isContainer) add({ key: Array.isArray(value) ? "[]" : "{}", shown: Array.isArray(value) ? "[]" : "{}" });
    return;
  }
  for (const step of steps) {
    flatten(child(value, step), child(sensitive, step), child(unknown, step), pathStep(path, step), depth + 1, out, budget);
  }
}

function replacePathSet(paths: TerraformChange["replace_paths"], root: string): Set<string> {
  const set = new Set<string>();
  for (const steps of paths ?? []) set.add(steps.reduce<string>((parent, step) => pathStep(parent, step), root));
  return set;
}

/** Whether `path` or one of its ancestors is in `set` (ancestors end where a `.` or `[` begins the next step). */
function underAny(path: string, set: Set<string>): boolean {
  if (set.size === 0) return false;
  if (set.has(path)) return true;
  let inQuotes = false;
  for (let index = 0; index < path.length; index += 1) {
    const char = path[index];
    if (char === '"' && path[index - 1] !== "\\") inQuotes = !inQuotes;
    if (!inQuotes && (char === "." || char === "[") && set.has(path.slice(0, index))) return true;
  }
  return false;
}

/**
 * Every attribute of one change, in Terraform's order (after's attributes, then those only before had),
 * each marked add/remove/update/unchanged. `root` prefixes every path (an output's name; "" for a resource).
 */
export function attributeChanges(change: Omit<TerraformChange, "actions">, budget: FlattenBudget, root = ""): AttributeChange[] {
  const before = new Map<string, Leaf>();
  const after = new Map<string, Leaf>();
  flatten(change.before, change.before_sensitive, undefined, root, 0, before, budget);
  flatten(change.after, change.after_sensitive, change.after_unknown, root, 0, after, budget);
  const replace = replacePathSet(change.replace_paths, root);

  const changes: AttributeChange[] = [];
  const push = (path: string, kind: AttributeChange["kind"], was: Leaf | undefined, now: Leaf | undefined) =>
    changes.push({ path, kind, before: was?.shown ?? null, after: now?.shown ?? null, forcesReplacement: kind !== "unchanged" && underAny(path, replace) });
  for (const [path, now] of after) {
    const was = before.get(path);
    if (!was) push(path, "add", undefined, now);
    else push(path, was.key === now.key && now.key !== UNKNOWN_KEY && now.key !== TOO_DEEP_KEY ? "unchanged" : "update", was, now);
  }
  for (const [path, was] of before) if (!after.has(path)) push(path, "remove", was, undefined);
  return changes;
}
