// Who may lower a gate: agents may add gates, only a person may remove one. Pure rules shared by
// task updates, playbook instantiation and playbook edits; callers check before they write anything.
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/auth/actor";

type Gate = { key: string; requiresApproval?: boolean };

/** Gated phases that upserting `inputs` in order would ungate; a phase left out, or named without `requiresApproval`, keeps its gate. */
export function gatesLoweredByUpdate(existing: Gate[], inputs: Gate[]): string[] {
  const next = new Map<string, boolean>();
  for (const input of inputs) if (input.requiresApproval !== undefined) next.set(input.key, input.requiresApproval);
  return existing.filter((phase) => phase.requiresApproval === true && next.get(phase.key) === false).map((phase) => phase.key);
}

/** A replaced playbook keeps the stored gate of every template that leaves `requiresApproval` out. */
export function keepOmittedGates<T extends Gate>(existing: Gate[], replacement: T[]): T[] {
  const stored = new Map(existing.map((template) => [template.key, template.requiresApproval]));
  return replacement.map((template) => {
    const kept = stored.get(template.key);
    return template.requiresApproval === undefined && kept !== undefined ? { ...template, requiresApproval: kept } : template;
  });
}

/** Gated templates that a replacement (already through keepOmittedGates) drops or ungates. */
export function gatesLoweredByReplacement(existing: Gate[], replacement: Gate[]): string[] {
  const next = new Map(replacement.map((template) => [template.key, template.requiresApproval]));
  return existing.filter((template) => template.requiresApproval === true && next.get(template.key) !== true).map((template) => template.key);
}

/** Throws `gate-locked` when an agent would lower any of these gates; nothing has been written yet. */
export function assertMayLowerGates(actor: Actor, lowered: string[], where: string): void {
  if (lowered.length === 0 || actor.person) return;
  const names = lowered.map((key) => `"${key}"`).join(", ");
  throw new AppError(
    "gate-locked",
    `Only a person may remove an approval gate; ${where} would lower the gate of ${names}. Nothing was changed. Leave requiresApproval out (it keeps its value) or ask a person to lower the gate in the dashboard.`,
    { extensions: { phases: lowered } },
  );
}
