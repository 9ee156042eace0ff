import { describe, expect, it } from "vitest";
import { parseCheckpointNote } from "@/lib/server/checkpoints/parse-note";
import { GUIDE_NOTE, GUIDE_NOTE_FIELDS } from "../support/guide-examples";

describe("parseCheckpointNote", () => {
  it("parses the guide's record_note example, ignoring the commentary before the header", () => {
    const parsed = parseCheckpointNote(GUIDE_NOTE);
    expect(parsed).toMatchObject(GUIDE_NOTE_FIELDS);
    expect(parsed?.body.startsWith("=== CHECKPOINT: Phase 1 Complete ===")).toBe(true);
  });

  it("parses the same note without comment prefixes and with CRLF line endings", () => {
    const plain = GUIDE_NOTE.split("\n")
      .slice(2)
      .map((line) => line.replace(/^# ?/, ""))
      .join("\r\n");
    expect(parseCheckpointNote(plain)).toMatchObject(GUIDE_NOTE_FIELDS);
  });

  it("reads `*` and numbered bullets, markdown headings and a DECISIONS section", () => {
    const parsed = parseCheckpointNote(
      [
        "=== CHECKPOINT: Backfill 73% ===",
        "* Backfill script ran for 1M records",
        "",
        "## Next actions",
        "1. Modify backfill script to start at offset 730000",
        "2) Run remaining 270,000 records",
        "",
        "DECISIONS:",
        "- Keep batches at 10k rows",
      ].join("\n"),
    );
    expect(parsed).toMatchObject({
      summary: "Backfill 73%",
      done: ["Backfill script ran for 1M records"],
      next: ["Modify backfill script to start at offset 730000", "Run remaining 270,000 records"],
      dependencies: [],
      decisions: ["Keep batches at 10k rows"],
    });
  });

  it("uses the first non-empty line as the summary when there is no CHECKPOINT header", () => {
    const parsed = parseCheckpointNote("\n\n  Schema migration complete  \n- Tables created\n- Indexes added\nNEXT ACTIONS:\n- Backfill\n");
    expect(parsed).toMatchObject({ summary: "Schema migration complete", done: ["Tables created", "Indexes added"], next: ["Backfill"] });
  });

  it("joins an unbulleted line to the bullet above it", () => {
    const parsed = parseCheckpointNote("=== CHECKPOINT: Infra ===\nNEXT ACTIONS:\n- Connect using:\nDATABASE_URL=postgresql://cluster/db\n- Seed data");
    expect(parsed?.next).toEqual(["Connect using:\nDATABASE_URL=postgresql://cluster/db", "Seed data"]);
  });

  it("returns null for an empty note, including one made only of comment markers", () => {
    expect(parseCheckpointNote("")).toBeNull();
    expect(parseCheckpointNote(" \r\n\t\n")).toBeNull();
    expect(parseCheckpointNote("#\n#\n")).toBeNull();
  });

  it("treats lines named like Object.prototype members as plain text", () => {
    expect(parseCheckpointNote("=== CHECKPOINT: x ===\nNEXT ACTIONS:\n__proto__\n- constructor:")).toMatchObject({ next: ["__proto__", "constructor:"] });
  });

  it("names a header without a title `Checkpoint` and truncates an overlong summary line", () => {
    expect(parseCheckpointNote("=== CHECKPOINT ===\n- one")?.summary).toBe("Checkpoint");
    expect(parseCheckpointNote("x".repeat(900))?.summary).toHaveLength(500);
  });
});
