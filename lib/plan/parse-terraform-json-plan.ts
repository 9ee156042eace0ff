// Reads `terraform show -json plan.out` into the same ParsedPlan the text parser produces, so one viewer shows
// both: resources grouped by action with Terraform-style attribute lines, the summary line Terraform would print,
// and the destructive changes. Anything that is not a readable plan comes back with a notice, never a throw.
import { z } from "zod";
import { attributeChanges, PlanTooLargeError, type AttributeChange, type FlattenBudget } from "@/lib/plan/attribute-changes";
import type { ParsedPlan, PlanAction, PlanResource, PlanSummary } from "@/lib/plan/parse-terraform-plan";
import { terraformJsonPlanSchema, type TerraformJsonPlan, type TerraformResourceChange } from "@/lib/plan/terraform-json-schema";

/** Plans beyond these bounds show their summary, destructive changes and the raw JSON only. */
export const MAX_JSON_PLAN_RESOURCES = 2_000;
export const MAX_JSON_PLAN_ATTRIBUTES = 50_000;
const MAX_PATH_CHARS = 4_000_000;

const HEADER: Record<PlanAction, string> = {
  create: "will be created",
  update: "will be updated in-place",
  replace: "must be replaced",
  destroy: "will be destroyed",
  read: "will be read during apply",
  move: "has moved",
  import: "will be imported",
  forget: "will no longer be managed by Terraform",
};

const MARK: Record<AttributeChange["kind"], string> = { add: "+", remove: "-", update: "~", unchanged: " " };

function notAPlan(notice: string | null): ParsedPlan {
  return { format: "json", isTerraformPlan: false, notice, summary: null, summaryLine: null, noChanges: false, resources: [], destructive: [], outputChanges: [] };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map((step) => (typeof step === "number" ? `[${step}]` : `.${String(step)}`)).join("").replace(/^\./, "");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The action a reviewer sees: a no-op counts only when it moves or imports the resource. */
function actionOf(change: TerraformResourceChange): PlanAction | null {
  const { action } = change.change.actions;
  if (action !== "no-op") return action;
  if (change.previous_address && change.previous_address !== change.address) return "move";
  if (change.change.importing) return "import";
  return null;
}

function reasonsOf(change: TerraformResourceChange): string[] {
  const reasons: string[] = [];
  if (change.previous_address && change.previous_address !== change.address) reasons.push(`(moved from ${change.previous_address})`);
  if (change.change.importing) reasons.push(`(imported from ${JSON.stringify(change.change.importing.id ?? "")})`);
  const index = change.index === undefined ? "" : JSON.stringify(change.index);
  const because: Record<string, string> = {
    replace_because_tainted: "(the object is tainted, so it must be replaced)",
    replace_by_request: "(replacement requested with -replace)",
    replace_by_triggers: "(replace_triggered_by changed)",
    delete_because_no_resource_config: `(because ${change.address} is not in configuration)`,
    delete_because_no_module: `(because ${change.module_address ?? "its module"} is not in configuration)`,
    delete_because_wrong_repetition: "(because the resource's count or for_each changed)",
    delete_because_count_index: `(because index ${index} is out of range for count)`,
    delete_because_each_key: `(because key ${index} is not in for_each map)`,
    delete_because_no_move_target: `(because ${change.previous_address ?? change.address} was moved to an address not in configuration)`,
    read_because_config_unknown: "(config refers to values not yet known)",
    read_because_dependency_pending: "(depends on a resource or a module with changes pending)",
    read_because_check_nested: "(read as part of a check block)",
  };
  if (change.action_reason && because[change.action_reason]) reasons.push(because[change.action_reason]);
  return reasons;
}

const RESOURCE_MARK: Record<PlanAction, string> = { create: "+", update: "~", replace: "-/+", destroy: "-", read: "<=", move: "", import: "", forget: "" };

function resourceMark(action: PlanAction, createFirst: boolean): string {
  return action === "replace" && createFirst ? "+/-" : RESOURCE_MARK[action];
}

/** Terraform-style lines: `~ engine_version = "13.7" -> "14.3" # forces replacement`, unchanged ones counted. */
function attributeLines(attributes: AttributeChange[], indent: string): string[] {
  const shown = attributes.filter((a) => a.kind !== "unchanged");
  const width = Math.min(40, shown.reduce((max, a) => Math.max(max, a.path.length), 0));
  const lines = shown.map((a) => {
    const value = a.kind === "add" ? a.after : a.kind === "remove" ? `${a.before} -> null` : `${a.before} -> ${a.after}`;
    return `${indent}${MARK[a.kind]} ${a.path.padEnd(width)} = ${value}${a.forcesReplacement ? " # forces replacement" : ""}`;
  });
  const unchanged = attributes.length - shown.length;
  if (unchanged > 0) lines.push(`${indent}  # (${unchanged} unchanged ${unchanged === 1 ? "attribute" : "attributes"} hidden)`);
  return lines;
}

function resourceOf(change: TerraformResourceChange, action: PlanAction, position: number, budget: FlattenBudget): PlanResource {
  const mark = resourceMark(action, change.change.actions.createFirst);
  const kind = change.mode === "data" ? "data" : "resource";
  return {
    address: change.address,
    action,
    header: `# ${change.address} ${HEADER[action]}`,
    reasons: reasonsOf(change),
    body: [
      `${mark.padStart(3)} ${kind} ${JSON.stringify(change.type)} ${JSON.stringify(change.name)} {`,
      ...attributeLines(attributeChanges(change.change, budget), "      "),
      "    }",
    ],
    line: position,
  };
}

function summaryOf(plan: TerraformJsonPlan): PlanSummary {
  const summary: PlanSummary = { import: 0, add: 0, change: 0, destroy: 0 };
  for (const { change } of plan.resource_changes) {
    const { action } = change.actions;
    if (change.importing) summary.import += 1;
    if (action === "create" || action === "replace") summary.add += 1;
    if (action === "update") summary.change += 1;
    if (action === "destroy" || action === "replace") summary.destroy += 1;
  }
  return summary;
}

function summaryLineOf({ import: imports, add, change, destroy }: PlanSummary): string {
  return `Plan: ${imports > 0 ? `${imports} to import, ` : ""}${add} to add, ${change} to change, ${destroy} to destroy.`;
}

function outputLines(plan: TerraformJsonPlan, budget: FlattenBudget): string[] {
  const lines: string[] = [];
  for (const [name, change] of Object.entries(plan.output_changes)) {
    if (change.actions.action === "no-op") continue;
    lines.push(...attributeLines(attributeChanges(change, budget, name), "").filter((line) => !line.trimStart().startsWith("#")));
  }
  return lines;
}

function structured(plan: TerraformJsonPlan, changes: [TerraformResourceChange, PlanAction][], notice: string | null): Pick<ParsedPlan, "resources" | "outputChanges" | "notice"> {
  const budget: FlattenBudget = { leaves: MAX_JSON_PLAN_ATTRIBUTES, pathChars: MAX_PATH_CHARS };
  const tooLarge = (what: string) => ({
    resources: [],
    outputChanges: [],
    notice: `This plan is too large to show resource by resource (${what}); its summary and destructive changes are listed, and the plan JSON is below.`,
  });
  if (changes.length > MAX_JSON_PLAN_RESOURCES) return tooLarge(`${changes.length.toLocaleString("en")} resource changes, more than ${MAX_JSON_PLAN_RESOURCES.toLocaleString("en")}`);
  try {
    return { resources: changes.map(([change, action], index) => resourceOf(change, action, index + 1, budget)), outputChanges: outputLines(plan, budget), notice };
  } catch (error) {
    if (error instanceof PlanTooLargeError) return tooLarge(`more than ${MAX_JSON_PLAN_ATTRIBUTES.toLocaleString("en")} attributes`);
    throw error;
  }
}

/**
 * `content` is the artifact as the agent sent it. `declaredJson`: its content type says JSON, so a document that
 * is not a plan earns a notice; content merely sniffed as JSON falls back to plain text silently.
 */
export function parseTerraformJsonPlan(content: string, declaredJson = true): ParsedPlan {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return notAPlan(declaredJson ? `The artifact is not valid JSON (${(error as Error).message}); it is shown as text.` : null);
  }
  const looksLikePlan =
    document !== null && typeof document === "object" && !Array.isArray(document) && "format_version" in document && ("resource_changes" in document || "planned_values" in document);
  if (!looksLikePlan) return notAPlan(null);
  const parsed = terraformJsonPlanSchema.safeParse(document);
  if (!parsed.success) return notAPlan(`This JSON is not a Terraform plan Baton can read (${firstIssue(parsed.error)}); it is shown as text.`);
  const plan = parsed.data;

  try {
    const changes = plan.resource_changes.flatMap((change): [TerraformResourceChange, PlanAction][] => {
      const action = actionOf(change);
      return action ? [[change, action]] : [];
    });
    const summary = summaryOf(plan);
    const errored = plan.errored ? "Terraform reported errors while planning: this plan is incomplete and cannot be applied as it is." : null;
    const view = structured(plan, changes, errored);
    const noChanges = changes.length === 0 && view.outputChanges.length === 0 && !view.notice;
    const destructive =
      view.resources.length > 0
        ? view.resources.filter((r) => r.action === "destroy" || r.action === "replace")
        : changes
            .filter(([, action]) => action === "destroy" || action === "replace")
            .map(([change, action], index): PlanResource => ({ address: change.address, action, header: `# ${change.address} ${HEADER[action]}`, reasons: [], body: [], line: index + 1 }));
    return {
      format: "json",
      isTerraformPlan: true,
      notice: view.notice,
      summary: noChanges ? null : summary,
      summaryLine: noChanges ? null : summaryLineOf(summary),
      noChanges,
      resources: view.resources,
      destructive,
      outputChanges: view.outputChanges,
    };
  } catch (error) {
    // A value JSON.stringify cannot handle (nesting deeper than the engine allows): still never a crash.
    return notAPlan(`This plan could not be read (${(error as Error).message}); it is shown as text.`);
  }
}
