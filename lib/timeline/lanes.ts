// One lane per agent so split-brain work (infra → app → testing) reads side by side; handoffs link lanes.
import type { PhaseView } from "@/lib/schemas/phase";
import type { HandoffView } from "@/lib/server/handoffs/handoff-view";

export const UNASSIGNED = "unassigned";

export type Lane = { agent: string; phases: PhaseView[]; handoffsIn: number; handoffsOut: number };
export type LaneHandoff = { handoff: HandoffView; from: number; to: number };

export function buildLanes(phases: PhaseView[], handoffs: HandoffView[]): { lanes: Lane[]; handoffs: LaneHandoff[] } {
  const lanes = new Map<string, Lane>();
  const lane = (agent: string) => {
    let found = lanes.get(agent);
    if (!found) {
      found = { agent, phases: [], handoffsIn: 0, handoffsOut: 0 };
      lanes.set(agent, found);
    }
    return found;
  };
  for (const phase of [...phases].sort((a, b) => a.position - b.position)) lane(phase.agent ?? UNASSIGNED).phases.push(phase);
  const ordered = [...handoffs].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  for (const handoff of ordered) {
    lane(handoff.from).handoffsOut += 1;
    lane(handoff.to).handoffsIn += 1;
  }
  const list = [...lanes.values()];
  const index = new Map(list.map((l, i) => [l.agent, i]));
  return {
    lanes: list,
    handoffs: ordered.map((handoff) => ({ handoff, from: index.get(handoff.from)!, to: index.get(handoff.to)! })),
  };
}
