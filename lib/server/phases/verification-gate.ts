// Pure rule for the `done` gate: every configured verification step needs a `passed`
// result in the phase's checkpoints, and no step's latest result may be `failed`.
import type { VerificationResult } from "@/lib/schemas/checkpoint";
import type { VerificationStep } from "@/lib/schemas/phase";

export type VerificationGaps = { missing: string[]; failed: string[] };

/** `results` oldest first, as recorded in the phase's checkpoints. */
export function verificationGaps(steps: Pick<VerificationStep, "name">[], results: Pick<VerificationResult, "name" | "status">[]): VerificationGaps {
  const passed = new Set<string>();
  const latest = new Map<string, VerificationResult["status"]>();
  for (const result of results) {
    if (result.status === "passed") passed.add(result.name);
    latest.set(result.name, result.status);
  }
  const names = [...new Set(steps.map((step) => step.name))];
  return {
    failed: names.filter((name) => latest.get(name) === "failed"),
    missing: names.filter((name) => !passed.has(name) && latest.get(name) !== "failed"),
  };
}

export function hasGaps(gaps: VerificationGaps): boolean {
  return gaps.missing.length > 0 || gaps.failed.length > 0;
}
