// Which events a chat webhook (Slack, Discord) hears about. Routine traffic stays out of the channel even when
// subscribed: a checkpoint that moves no phase, a phase update that only reports progress, task, playbook and people edits.
import { payloadOf, type EventType } from "@/lib/schemas/event";

const ROUTINE: ReadonlySet<string> = new Set<EventType>(["task.updated", "playbook.updated", "person.updated"]);

export function isChatWorthy(event: { type: string; payload: unknown }): boolean {
  if (ROUTINE.has(event.type)) return false;
  if (event.type === "checkpoint.created") {
    const change = payloadOf(event, "checkpoint.created")?.phaseChange;
    return change !== undefined && change.from !== change.to;
  }
  if (event.type === "phase.updated") {
    const move = payloadOf(event, "phase.updated");
    return move !== null && move.from !== move.to;
  }
  return true;
}
