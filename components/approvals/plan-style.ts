// How each terraform action looks: mark, colour and group title (shared by the plan viewer's parts).
import type { PlanAction } from "@/lib/plan/parse-terraform-plan";

export const ACTION_ORDER: PlanAction[] = ["destroy", "replace", "update", "create", "import", "move", "forget", "read"];

export const ACTION_STYLE: Record<PlanAction, { mark: string; title: string; tone: string }> = {
  destroy: { mark: "−", title: "Destroyed", tone: "text-red-700 bg-red-50 border-red-200 dark:text-red-300 dark:bg-red-950/50 dark:border-red-900" },
  replace: { mark: "±", title: "Replaced (destroyed, then created)", tone: "text-red-700 bg-red-50 border-red-200 dark:text-red-300 dark:bg-red-950/50 dark:border-red-900" },
  update: { mark: "~", title: "Updated in place", tone: "text-amber-800 bg-amber-50 border-amber-200 dark:text-amber-300 dark:bg-amber-950/50 dark:border-amber-900" },
  create: { mark: "+", title: "Created", tone: "text-emerald-800 bg-emerald-50 border-emerald-200 dark:text-emerald-300 dark:bg-emerald-950/50 dark:border-emerald-900" },
  import: { mark: "←", title: "Imported", tone: "text-sky-800 bg-sky-50 border-sky-200 dark:text-sky-300 dark:bg-sky-950/50 dark:border-sky-900" },
  move: { mark: "→", title: "Moved", tone: "text-sky-800 bg-sky-50 border-sky-200 dark:text-sky-300 dark:bg-sky-950/50 dark:border-sky-900" },
  forget: { mark: "⊘", title: "No longer managed", tone: "text-zinc-700 bg-zinc-50 border-zinc-200 dark:text-zinc-300 dark:bg-zinc-900 dark:border-zinc-800" },
  read: { mark: "≤", title: "Read during apply", tone: "text-zinc-700 bg-zinc-50 border-zinc-200 dark:text-zinc-300 dark:bg-zinc-900 dark:border-zinc-800" },
};

/** Colour of one diff line by its leading symbol (`+`, `-`, `~`, `-/+`). */
export function diffLineClass(line: string): string {
  const symbol = line.trimStart();
  if (symbol.startsWith("-/+") || symbol.startsWith("+/-")) return "text-red-700 dark:text-red-400";
  if (symbol.startsWith("+")) return "text-emerald-700 dark:text-emerald-400";
  if (symbol.startsWith("-")) return "text-red-700 dark:text-red-400";
  if (symbol.startsWith("~")) return "text-amber-700 dark:text-amber-400";
  if (symbol.startsWith("#") || symbol.startsWith("@@")) return "text-zinc-500 dark:text-zinc-400";
  return "";
}
