// Records a group of checkpoints (a group commit of single POSTs, or a run of a batch) set-based: one seq claim
// per task, one insert for the checkpoints, one phase update and one gate check per phase, one insert for the
// events. Each item still succeeds or fails on its own, and each Idempotency-Key is honoured exactly once.
import { AppError } from "@/lib/server/errors";
import { savepoint, transaction, type Tx } from "@/lib/server/db/transaction";
import type { Outcome } from "@/lib/server/db/group-commit";
import type { CheckpointInput } from "@/lib/schemas/checkpoint";
import type { Progress } from "@/lib/schemas/common";
import { toCheckpointView, type CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import { checkpointStore, type NewCheckpointRow, type SeqClaim } from "@/lib/server/checkpoints/checkpoint-store";
import { announceEvents, type NewEvent } from "@/lib/server/events/append-event";
import { ensurePhase } from "@/lib/server/phases/upsert-phases";
import { changePhase } from "@/lib/server/phases/change-phase";
import { approvalGranted } from "@/lib/server/phases/approval-gate";
import { claimId, findStoredResponses, keyReused, storeResponses, type IdempotencyClaim } from "@/lib/server/http/idempotency";

/** `actor` is who authenticated; the agent name the client claims stays in `input.agent`. */
export type IngestItem = { taskKey: string; input: CheckpointInput; actor: string; idempotency?: IdempotencyClaim };

/** `body` is the checkpoint, or the stored response of an earlier request with the same Idempotency-Key. */
export type IngestResult = { status: number; body: unknown; replayed: boolean };

type PhaseMove = { phase: string; from: string; to: string };

export async function recordCheckpoints(items: IngestItem[]): Promise<Outcome<IngestResult>[]> {
  return transaction(async (tx) => {
    const outcomes: Outcome<IngestResult>[] = new Array(items.length);
    const stored = await findStoredResponses(tx, items.flatMap((item) => (item.idempotency ? [item.idempotency] : [])));
    const leaders = new Map<string, number>();
    const followers: { index: number; leader: number }[] = [];
    const fresh: number[] = [];
    items.forEach((item, index) => {
      if (!item.idempotency) return void fresh.push(index);
      const id = claimId(item.idempotency);
      const found = stored.get(id);
      const leader = leaders.get(id);
      if (found instanceof AppError) outcomes[index] = { ok: false, error: found };
      else if (found) outcomes[index] = { ok: true, value: { status: found.status, body: JSON.parse(found.body) as unknown, replayed: true } };
      else if (leader !== undefined) followers.push({ index, leader });
      else {
        leaders.set(id, index);
        fresh.push(index);
      }
    });

    // Plain checkpoints are written together; one that moves its phase explicitly can fail a gate, so it goes alone.
    let run: number[] = [];
    const flushRun = async () => {
      await writeRun(tx, items, run, outcomes);
      run = [];
    };
    for (const index of fresh) {
      if (items[index].input.phaseStatus === undefined) {
        run.push(index);
        continue;
      }
      await flushRun();
      await writeRun(tx, items, [index], outcomes);
    }
    await flushRun();

    await storeResponses(
      tx,
      fresh.flatMap((index) => {
        const outcome = outcomes[index];
        const claim = items[index].idempotency;
        return claim && outcome.ok ? [{ claim, status: outcome.value.status, body: JSON.stringify(outcome.value.body) }] : [];
      }),
    );
    // A retry that arrived in the same group as its original replays it.
    for (const { index, leader } of followers) {
      const original = outcomes[leader];
      const claim = items[index].idempotency!;
      if (claim.requestHash !== items[leader].idempotency!.requestHash) outcomes[index] = { ok: false, error: keyReused(claim.key) };
      else outcomes[index] = original.ok ? { ok: true, value: { ...original.value, replayed: true } } : original;
    }
    return outcomes;
  });
}

/** Writes the items together in a savepoint; if that fails, item by item, so only the failing ones fail. */
async function writeRun(tx: Tx, items: IngestItem[], run: number[], outcomes: Outcome<IngestResult>[]): Promise<void> {
  if (run.length === 0) return;
  try {
    const views = await savepoint(() => writeCheckpoints(tx, run.map((index) => items[index])));
    run.forEach((index, k) => (outcomes[index] = { ok: true, value: { status: 201, body: views[k], replayed: false } }));
  } catch (error) {
    if (run.length === 1) {
      outcomes[run[0]] = { ok: false, error };
      return;
    }
    for (const index of run) await writeRun(tx, items, [index], outcomes);
  }
}

async function writeCheckpoints(tx: Tx, items: IngestItem[]): Promise<CheckpointView[]> {
  const now = new Date();
  const store = checkpointStore(tx);

  const tasks: SeqClaim[] = [];
  const seqs: number[] = [];
  for (const [taskKey, indexes] of groupBy(items, (item) => item.taskKey)) {
    const claim = await store.claimSeqs(taskKey, indexes.length, now);
    indexes.forEach((index, k) => {
      tasks[index] = claim;
      seqs[index] = claim.firstSeq + k;
    });
  }

  const rows = items.map((item, index) => checkpointRow(item.input, tasks[index].id, seqs[index], now));
  await store.insertCheckpoints(rows);
  // Phases move after the checkpoints exist, so the verification results they carry count for the done gate.
  const moves = await movePhases(tx, items, tasks, now);

  const views = rows.map((row, index) => toCheckpointView(row, tasks[index].key));
  const events: NewEvent<"checkpoint.created">[] = items.map((item, index) => {
    const move = moves.get(index);
    return {
      type: "checkpoint.created",
      task: tasks[index],
      actor: item.actor,
      payload: {
        ...(item.input.agent !== undefined && { agent: item.input.agent }),
        checkpoint: views[index],
        ...(move && move.from !== move.to && { phaseChange: move }),
      },
    };
  });
  announceEvents(await store.insertEvents(events, now));
  return views;
}

/**
 * One update per phase named in the group, with the gate checked once: an explicit `phaseStatus` (only ever on a
 * group of one) passes the gates or fails; otherwise a pending phase starts when no gate holds it. Progress, agent
 * and resume cursor end as the last checkpoint left them. The move is reported on the phase's first checkpoint.
 */
async function movePhases(tx: Tx, items: IngestItem[], tasks: SeqClaim[], now: Date): Promise<Map<number, PhaseMove>> {
  const moves = new Map<number, PhaseMove>();
  const named = items.map((item, index) => ({ item, index })).filter(({ item }) => item.input.phase !== undefined);
  for (const [, group] of groupBy(named, ({ item, index }) => `${tasks[index].id}\n${item.input.phase}`)) {
    const first = named[group[0]];
    const inputs = group.map((k) => named[k].item.input);
    const phaseKey = first.item.input.phase!;
    const phase = await ensurePhase(tx, tasks[first.index].id, phaseKey);
    const last = inputs[inputs.length - 1];
    const implicitStart = phase.status === "pending" && (!phase.requiresApproval || (await approvalGranted(tx, phase.id)));
    const status = last.phaseStatus ?? (implicitStart ? "active" : undefined);
    const progress = foldProgress(inputs.map((input) => input.progress));
    const agent = inputs.findLast((input) => input.agent !== undefined)?.agent;
    const resumeFrom = inputs.findLast((input) => input.resumeFrom !== undefined)?.resumeFrom;
    if (status === undefined && !progress && agent === undefined && resumeFrom === undefined) continue;
    const change = await changePhase(tx, phase, { status, progress, agent, resumeFrom }, now);
    moves.set(first.index, { phase: phaseKey, from: change.from, to: change.to });
  }
  return moves;
}

/** The progress the phase holds after applying each in turn (a missing total or unit keeps the earlier one). */
function foldProgress(progresses: (Progress | undefined)[]): Progress | undefined {
  let folded: Progress | undefined;
  for (const progress of progresses) {
    if (!progress) continue;
    folded = { current: progress.current, total: progress.total ?? folded?.total, unit: progress.unit ?? folded?.unit };
  }
  return folded;
}

function checkpointRow(input: CheckpointInput, taskId: number, seq: number, now: Date): NewCheckpointRow {
  return {
    taskId,
    seq,
    phaseKey: input.phase ?? null,
    summary: input.summary,
    body: input.body ?? null,
    done: input.done,
    next: input.next,
    dependencies: input.dependencies,
    decisions: input.decisions,
    progressCurrent: input.progress?.current ?? null,
    progressTotal: input.progress?.total ?? null,
    progressUnit: input.progress?.unit ?? null,
    resumeFrom: input.resumeFrom ?? null,
    agent: input.agent ?? null,
    verification: input.verification,
    metrics: input.metrics,
    createdAt: now,
  };
}

/** Indexes of `values` grouped by key, groups in order of first appearance. */
function groupBy<T>(values: T[], keyOf: (value: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  values.forEach((value, index) => {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return groups;
}
