// The parsers agents feed (notes, handoff documents, terraform plans) stay linear on hostile input:
// each case below took minutes (or forever) with the backtracking patterns they replaced.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanLines } from "@/lib/server/checkpoints/note-lines";
import { parseCheckpointNote } from "@/lib/server/checkpoints/parse-note";
import { parseHandoff } from "@/lib/server/handoffs/parse-handoff";
import { parseTerraformPlan } from "@/lib/plan/parse-terraform-plan";

const MiB = 1024 * 1024;
const spaces = " ".repeat(MiB);

describe("note parser on 1 MiB pathological lines", () => {
  it("a line of spaces ending in a letter, before the header, is commentary and dropped", () => {
    const parsed = parseCheckpointNote(`${spaces}x\n=== CHECKPOINT: Survived ===\n- one`);
    expect(parsed).toMatchObject({ summary: "Survived", done: ["one"], body: "=== CHECKPOINT: Survived ===\n- one" });
  });

  it("a header whose title is a megabyte of spaces between words", () => {
    const parsed = parseCheckpointNote(`=== CHECKPOINT:${spaces}a${spaces}= =${spaces}`);
    expect(parsed?.summary).toBe(`a${" ".repeat(498)}…`);
    expect(parsed?.body.endsWith("= =")).toBe(true);
  });

  it("a bullet whose text follows a megabyte of spaces", () => {
    expect(parseCheckpointNote(`=== CHECKPOINT: x ===\n-${spaces}item${spaces}\u2028tail`)?.done).toEqual(["item" + spaces + "\u2028tail"]);
  });

  it("a megabyte of `#`: only a marker followed by whitespace or nothing is stripped", () => {
    const hashes = "#".repeat(MiB);
    expect(parseCheckpointNote(`${hashes}\n${spaces}${hashes}`)).toBeNull();
    expect(parseCheckpointNote(`${hashes} Summary\n${hashes}x`)).toMatchObject({ summary: "Summary", done: [`${hashes}x`] });
  });

  it("a section heading made of a megabyte of colons and spaces is plain text", () => {
    const line = ": ".repeat(MiB / 2) + "x";
    expect(parseCheckpointNote(`=== CHECKPOINT: x ===\nNEXT ACTIONS:\n${line}`)?.next).toEqual([line]);
  });
});

describe("handoff parser on 1 MiB pathological lines", () => {
  it("a title whose agents are separated by a megabyte of spaces", () => {
    expect(parseHandoff(`## Agent Handoff: claude${spaces}→${spaces}codex`)).toMatchObject({ from: "claude", to: "codex" });
  });

  it("a title-like line with no second agent is not a title", () => {
    const parsed = parseHandoff(`Agent Handoff: a${spaces}→\nAgent Handoff: ${"a ".repeat(MiB / 2)}\n### Next Steps\n- go`);
    expect(parsed.from).toBeUndefined();
    expect(parsed.to).toBeUndefined();
    expect(parsed.nextSteps).toEqual(["go"]);
  });

  it("a megabyte of `to` words picks the first as the separator", () => {
    const words = Math.floor(MiB / 3);
    expect(parseHandoff(`Agent Handoff: a ${"to ".repeat(words)}b`)).toMatchObject({ from: "a", to: `${"to ".repeat(words - 1)}b` });
  });
});

describe("terraform plan parser on 1 MiB pathological lines", () => {
  it("many `has moved to` phrases on one line: the first one ends the address", () => {
    const line = `# a${" has moved to b".repeat(MiB / 16)}\u2028x`;
    expect(parseTerraformPlan(line).resources.map((r) => [r.address, r.action])).toEqual([["a", "move"]]);
  });

  it("a header phrase followed by a megabyte of spaces and text is not a header", () => {
    const parsed = parseTerraformPlan(`  # aws_instance.web will be created${spaces}x\n  # aws_instance.db will be destroyed${spaces}`);
    expect(parsed.resources.map((r) => [r.address, r.action])).toEqual([["aws_instance.db", "destroy"]]);
  });

  it("a megabyte-long address and a megabyte of `has changed` prose", () => {
    const address = "a.".repeat(MiB / 2);
    const parsed = parseTerraformPlan(`# ${address} will be updated in-place\n  ~ x = 1\n #${" has changed".repeat(MiB / 12)}${spaces}x`);
    expect(parsed.resources).toHaveLength(1);
    expect(parsed.resources[0]).toMatchObject({ address, action: "update" });
    expect(parsed.resources[0].body).toHaveLength(2);
  });
});

// The patterns the scanners replaced, as the reference on short input (where backtracking is cheap).
const oldCleanLines = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/^\s*#+(?:\s|$)/, "").replace(/\s+$/, ""));
const OLD_NOTE_HEADER = /^=+\s*checkpoint\b\s*:?\s*(.*?)\s*=*\s*$/i;
const OLD_BULLET = /^(?:[-*•+]|\d{1,3}[.)])\s+(.*)$/;
const OLD_HANDOFF_TITLE = /^agent handoff\s*:?\s*(.+?)\s*(?:→|->|=>|\bto\b)\s*(.+?)\s*$/i;
const OLD_PLAN_HEADER =
  /^\s*# (.+?) (will be created|will be updated in-place|will be destroyed|must be replaced|will be replaced, as requested|will be read during apply|has moved to .+|will be imported|will no longer be managed by Terraform)\s*$/;

const piece = (...extra: string[]) => fc.constantFrom(" ", "\t", "a", "b", "=", ":", "-", "1", ".", ")", "x", ...extra);
const lineOf = (...extra: string[]) => fc.array(piece(...extra), { maxLength: 14 }).map((parts) => parts.join(""));

describe("the scanners agree with the patterns they replaced on short input", () => {
  it("line cleaning", () => {
    const text = fc.array(fc.constantFrom(" ", "\t", "#", "##", "a", "\r", "\n", "\r\n", "\u00a0"), { maxLength: 16 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (note) => {
        expect(cleanLines(note)).toEqual(oldCleanLines(note));
      }),
      { numRuns: 2000 },
    );
  });

  it("checkpoint headers and bullets", () => {
    const line = lineOf("checkpoint", "CheckPoint", "=== ", "*", "•", "12.", "1234)", "_");
    fc.assert(
      fc.property(line, (text) => {
        const trimmed = text.trim();
        if (trimmed === "") return;
        const header = OLD_NOTE_HEADER.exec(trimmed);
        const parsed = parseCheckpointNote(`${trimmed}\n=== CHECKPOINT: marker ===\nDONE:\n${trimmed}`)!;
        if (header) expect(parsed.summary).toBe(header[1].trim() || "Checkpoint");
        else expect(parsed.summary).toBe("marker");
        const bullet = OLD_BULLET.exec(trimmed);
        if (bullet && !header && !/^(?:[-*•+]|\d{1,3}[.)])$/.test(trimmed)) expect(parsed.done).toEqual([bullet[1].trim()]);
      }),
      { numRuns: 2000 },
    );
  });

  it("handoff titles", () => {
    const line = lineOf("agent handoff", "Agent Handoff: ", "→", "->", "=>", "to", "TO ", " to ", "tomato");
    fc.assert(
      fc.property(line, (text) => {
        const trimmed = text.trim();
        const title = OLD_HANDOFF_TITLE.exec(trimmed);
        const parsed = parseHandoff(trimmed);
        if (!title) expect(parsed.from).toBeUndefined();
        else if (parsed.from !== undefined) expect({ from: parsed.from, to: parsed.to }).toEqual({ from: title[1].trim(), to: title[2] });
        // The old pattern could backtrack into the blank or colon before a leading separator and call it an agent.
        else expect(title[1]).toMatch(/^[\s:]+$/);
      }),
      { numRuns: 2000 },
    );
  });

  it("terraform resource headers", () => {
    const line = lineOf("# ", "will be created", "must be replaced", "has moved to", "will be destroyed", "b.c");
    fc.assert(
      fc.property(line, (text) => {
        const header = OLD_PLAN_HEADER.exec(text);
        const resources = parseTerraformPlan(text).resources;
        if (header) expect(resources.map((r) => r.address)).toEqual([header[1]]);
        else expect(resources).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
