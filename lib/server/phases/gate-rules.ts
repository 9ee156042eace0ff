// Pure gate rules. Who may lower a gate (agents may add or raise gates, only a person may lower one; callers
// check before they write anything), when an approval is used up, and the gate state every view shows.
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/auth/actor";
import type { GateState } from "@/lib/schemas/phase";

/** What a gate asks for; a field left out means its default (no gate, one reviewer, self-review allowed). */
type Gate = { key: string; requiresApproval?: boolean; requiredApprovals?: number; preventSelfReview?: boolean };
type GateFields = Omit<Gate, "key">;

const GATE_FIELDS = ["requiresApproval", "requiredApprovals", "preventSelfReview"] as const;

/** True when `next` asks less than `current`: the gate removed, fewer reviewers, or self-review allowed again. */
export function lowersGate(current: GateFields, next: GateFields): boolean {
  return (
    (current.requiresApproval === true && next.requiresApproval !== true) ||
    (next.requiredApprovals ?? 1) < (current.requiredApprovals ?? 1) ||
    (current.preventSelfReview === true && next.preventSelfReview !== true)
  );
}

/** `gate` with the fields `change` names; a field left out keeps its value. */
function applyGateChange(gate: GateFields, change: GateFields): GateFields {
  const next = { ...gate };
  for (const field of GATE_FIELDS) if (change[field] !== undefined) Object.assign(next, { [field]: change[field] });
  return next;
}

/** Phases whose gate upserting `inputs` in order would lower; a phase left out, or named without a gate field, keeps its gate. */
export function gatesLoweredByUpdate(existing: Gate[], inputs: Gate[]): string[] {
  const next = new Map<string, GateFields>(existing.map((phase) => [phase.key, phase]));
  for (const input of inputs) {
    const current = next.get(input.key);
    if (current) next.set(input.key, applyGateChange(current, input));
  }
  return existing.filter((phase) => lowersGate(phase, next.get(phase.key) ?? phase)).map((phase) => phase.key);
}

/** A replaced playbook keeps the stored gate fields of every template that leaves them out. */
export function keepOmittedGates<T extends Gate>(existing: Gate[], replacement: T[]): T[] {
  const stored = new Map(existing.map((template) => [template.key, template]));
  return replacement.map((template) => {
    const kept = stored.get(template.key);
    if (!kept) return template;
    const merged = { ...template };
    for (const field of GATE_FIELDS) if (merged[field] === undefined && kept[field] !== undefined) Object.assign(merged, { [field]: kept[field] });
    return merged;
  });
}

/** Templates whose gate a replacement (already through keepOmittedGates) lowers or drops. */
export function gatesLoweredByReplacement(existing: Gate[], replacement: Gate[]): string[] {
  const next = new Map(replacement.map((template) => [template.key, template]));
  return existing.filter((template) => lowersGate(template, next.get(template.key) ?? {})).map((template) => template.key);
}

/** Throws `gate-locked` when anyone but an admin person would lower any of these gates; nothing has been written yet. */
export function assertMayLowerGates(actor: Actor, lowered: string[], where: string): void {
  if (lowered.length === 0 || (actor.person && actor.role === "admin")) return;
  const names = lowered.map((key) => `"${key}"`).join(", ");
  throw new AppError(
    "gate-locked",
    `Only a person with the admin role may lower an approval gate (remove it, ask for fewer reviewers, or allow self-review again); ${where} would lower the gate of ${names}. Nothing was changed. Leave requiresApproval, requiredApprovals and preventSelfReview out (they keep their values) or ask an admin to lower the gate in the dashboard.`,
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
