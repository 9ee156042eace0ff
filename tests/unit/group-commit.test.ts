// Group commit on a real SQLite file: concurrent checkpoints share a transaction, keep their arrival order,
// and one that fails its gate is undone alone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/server/db/migrate";
import { checkpointInputSchema } from "@/lib/schemas/checkpoint";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-group-commit-"));
const dbFile = path.join(dir, "baton.db");
process.env.DATABASE_URL = `file:${dbFile}`;

const { transaction, reader } = await import("@/lib/server/db/transaction");
const { disconnectDb } = await import("@/lib/server/db/client");
const { recordCheckpoint } = await import("@/lib/server/checkpoints/record-checkpoint");
const { publisher } = await import("@/lib/server/events/publisher");
const { AppError } = await import("@/lib/server/errors");

beforeAll(() => {
  migrateSqlite(dbFile, path.resolve(__dirname, "../../prisma/migrations"));
});

afterAll(async () => {
  await disconnectDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("group commit of checkpoints", () => {
  it("answers each concurrent caller with its own checkpoint, in arrival order, and rejects only the one that fails its gate", async () => {
    await transaction(async (tx) => {
      const task = await tx.task.create({ data: { key: "grouped", title: "Grouped" } });
      await tx.phase.create({ data: { taskId: task.id, key: "apply", name: "Apply", position: 0, requiresApproval: true } });
    });
    const published: number[] = [];
    const unsubscribe = publisher.subscribe((event) => published.push((event.payload as { checkpoint: { seq: number } }).checkpoint.seq));

    const calls = Array.from({ length: 20 }, (_, i) =>
      recordCheckpoint("grouped", checkpointInputSchema.parse(i === 7 ? { summary: `step ${i}`, phase: "apply", phaseStatus: "active" } : { summary: `step ${i}` }), "token:test"),
    );
    const settled = await Promise.allSettled(calls);
    unsubscribe();

    const refused = settled[7];
    expect(refused.status).toBe("rejected");
    expect(refused.status === "rejected" && refused.reason instanceof AppError && refused.reason.code).toBe("approval-required");
    const seqs = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value.seq] : []));
    expect(seqs).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(settled.flatMap((result) => (result.status === "fulfilled" ? [result.value.summary] : []))).toEqual(
      Array.from({ length: 20 }, (_, i) => `step ${i}`).filter((_, i) => i !== 7),
    );

    const rows = await (await reader()).checkpoint.findMany({ orderBy: { seq: "asc" }, select: { seq: true, summary: true } });
    expect(rows.map((row) => row.seq)).toEqual(seqs);
    expect(rows.some((row) => row.summary === "step 7")).toBe(false);
    expect((await (await reader()).phase.findFirstOrThrow({ where: { key: "apply" } })).status).toBe("pending");
    expect(published.sort((a, b) => a - b)).toEqual(seqs);
  });
});
