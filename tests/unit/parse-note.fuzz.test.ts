// Property-based tests: arbitrary input never crashes the note parser, and validate() only ever
// answers with parsed data or a 422 listing what is wrong.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCheckpointNote } from "@/lib/server/checkpoints/parse-note";
import { parseHandoff } from "@/lib/server/handoffs/parse-handoff";
import { verificationGaps } from "@/lib/server/phases/verification-gate";
import { checkpointInputSchema } from "@/lib/schemas/checkpoint";
import { phasePatchSchema } from "@/lib/schemas/phase";
import { blockerInputSchema, blockerResolveSchema } from "@/lib/schemas/blocker";
import { handoffInputSchema } from "@/lib/schemas/handoff";
import { batchInputSchema, batchOperationSchema } from "@/lib/schemas/batch";
import { taskPutSchema } from "@/lib/schemas/task";
import { AppError } from "@/lib/server/errors";
import { validate } from "@/lib/server/http/validate";

const noteLine = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom("=== CHECKPOINT: x ===", "NEXT ACTIONS:", "DEPENDENCIES:", "DECISIONS:", "#", "- ", "* item", "1. step", "", "\r"),
);
const note = fc.array(noteLine, { maxLength: 30 }).chain((lines) => fc.constantFrom(lines.join("\n"), lines.join("\r\n"), lines.map((l) => `# ${l}`).join("\n")));

describe("note and handoff parsers under random input", () => {
  it("never throw; a parsed note always has a one-line-or-more, non-empty summary of at most 500 characters", () => {
    fc.assert(
      fc.property(note, (text) => {
        const parsed = parseCheckpointNote(text);
        if (parsed === null) return;
        expect(parsed.summary.trim().length).toBeGreaterThan(0);
        expect(parsed.summary.length).toBeLessThanOrEqual(500);
        expect(checkpointInputSchema.safeParse({ summary: parsed.summary }).success).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(note, (text) => void parseHandoff(text)), { numRuns: 300 });
  });

  it("return null only for a note without content: whitespace and comment markers", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(" ", "\t", "\r\n", "\n", "#", "# ", "##", "x", "- y"), { maxLength: 20 }), (parts) => {
        const text = parts.join("");
        const parsed = parseCheckpointNote(text);
        if (/[^\s#]/.test(text)) expect(parsed).not.toBeNull();
        if (parsed === null) expect(text.replace(/#/g, "").trim()).toBe("");
      }),
    );
  });
});

describe("validate() under arbitrary input", () => {
  const schemas = { checkpointInputSchema, phasePatchSchema, blockerInputSchema, blockerResolveSchema, handoffInputSchema, batchInputSchema, batchOperationSchema, taskPutSchema };
  // Random JSON, anything JavaScript can hold, and objects that use the schemas' own field names.
  const field = fc.constantFrom("summary", "title", "from", "to", "fromAgent", "op", "task", "status", "phases", "operations", "body", "resolution", "kind", "__proto__");
  const input = fc.oneof(fc.jsonValue(), fc.anything(), fc.dictionary(field, fc.oneof(fc.jsonValue(), fc.string(), fc.array(fc.record({ key: fc.string() })))));

  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: returns the parsed data, or throws a 422 AppError naming each failing field — nothing else`, () => {
      fc.assert(
        fc.property(input, (value) => {
          let data: unknown;
          let thrown: unknown;
          try {
            data = validate(schema, value, "body");
          } catch (error) {
            thrown = error;
          }
          const expected = schema.safeParse(value);
          if (thrown === undefined) {
            expect(expected.success).toBe(true);
            expect(data).toEqual(expected.data);
            return;
          }
          expect(thrown).toBeInstanceOf(AppError);
          const error = thrown as AppError;
          expect(error.status).toBe(422);
          expect(error.code).toBe("validation-failed");
          expect(error.message).toMatch(/^The body is invalid: /);
          expect(error.errors?.length).toBeGreaterThan(0);
          for (const fieldError of error.errors ?? []) {
            expect(fieldError.path).toMatch(/\S/);
            expect(fieldError.message).toMatch(/\S/);
          }
          expect(expected.success).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("verification gate properties", () => {
  const name = fc.constantFrom("validate", "tflint", "checkov", "smoke");
  const result = fc.record({ name, status: fc.constantFrom("passed" as const, "failed" as const, "skipped" as const) });

  it("reports only configured steps, never one as both missing and failed", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name }), { maxLength: 4 }), fc.array(result, { maxLength: 12 }), (steps, results) => {
        const gaps = verificationGaps(steps, results);
        const configured = new Set<string>(steps.map((s) => s.name));
        for (const step of [...gaps.missing, ...gaps.failed]) expect(configured.has(step)).toBe(true);
        expect(gaps.missing.filter((step) => gaps.failed.includes(step))).toEqual([]);
      }),
    );
  });

  it("is clear once every configured step's latest result is passed", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name }), { maxLength: 4 }), fc.array(result, { maxLength: 12 }), (steps, results) => {
        const finished = [...results, ...steps.map((s) => ({ name: s.name, status: "passed" as const }))];
        expect(verificationGaps(steps, finished)).toEqual({ missing: [], failed: [] });
      }),
    );
  });
});
