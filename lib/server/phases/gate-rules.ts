// Pure gate rules. Who may lower a gate (agents may add gates, only a person may remove one; callers
// check before they write anything), when an approval is used up, and the gate state every view shows.
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/auth/actor";
import type { GateState } from "@/lib/schemas/phase";

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

/**
 * An approval opens its phase once: leaving `active` uses it up, and so does finishing straight from
 * `pending` (the gate also holds `done`). Being released to `pending` after the decision does not.
 */
export function consumesApproval(from: string, to: string): boolean {
  return from !== to && (from === "active" || to === "done");
}

/** Moves a gated phase may only make with an approved, unused approval. */
export function needsApproval(to: string): boolean {
  return to === "active" || to === "done";
}

/** The phase's latest approval that was not superseded, as far as the gate cares. */
export type LatestApproval = { status: string; consumedAt: Date | null } | null;

export function gateState(requiresApproval: boolean, latest: LatestApproval): GateState {
  if (!requiresApproval) return "none";
  if (!latest) return "required";
  if (latest.status === "pending") return "pending";
  if (latest.status === "approved") return latest.consumedAt ? "consumed" : "approved";
  // Expiry counts as a rejection (onExpiry is always "reject").
  return "rejected";
}
