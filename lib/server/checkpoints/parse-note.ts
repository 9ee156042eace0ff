// Parses a checkpoint note in the guide's record_note format into checkpoint fields:
// `=== CHECKPOINT: … ===`, bullets (done), `NEXT ACTIONS:`, `DEPENDENCIES:`, `DECISIONS:`.

export type ParsedNote = {
  summary: string;
  body: string;
  done: string[];
  next: string[];
  dependencies: string[];
  decisions: string[];
};

type ListName = "done" | "next" | "dependencies" | "decisions";

const SECTION_NAMES = new Map<string, ListName>([
  ["done", "done"],
  ["completed", "done"],
  ["complete", "done"],
  ["what's complete", "done"],
  ["next actions", "next"],
  ["next action", "next"],
  ["next steps", "next"],
  ["next", "next"],
  ["what's needed", "next"],
  ["dependencies", "dependencies"],
  ["dependency", "dependencies"],
  ["deps", "dependencies"],
  ["decisions", "decisions"],
  ["decision", "decisions"],
]);

const SUMMARY_MAX = 500;
const HEADER = /^=+\s*checkpoint\b\s*:?\s*(.*?)\s*=*\s*$/i;
export const BULLET = /^(?:[-*•+]|\d{1,3}[.)])\s+(.*)$/;
export const EMPTY_BULLET = /^(?:[-*•+]|\d{1,3}[.)])$/;

/** The note as plain lines: CRLF/CR normalised, a leading `#`/`##` comment or heading prefix removed. */
export function cleanLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/^\s*#+(?:\s|$)/, "").replace(/\s+$/, ""));
}

function sectionOf(line: string): ListName | undefined {
  const name = line
    .trim()
    .replace(/[:：]\s*$/, "")
    .replace(/’/g, "'")
    .trim()
    .toLowerCase();
  return SECTION_NAMES.get(name);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Returns null for a note with no content at all. */
export function parseCheckpointNote(text: string): ParsedNote | null {
  const lines = cleanLines(text);
  const headerIndex = lines.findIndex((line) => HEADER.test(line.trim()));
  // Lines before the header are the guide's own commentary around the note, not part of it.
  const noteLines = headerIndex >= 0 ? lines.slice(headerIndex) : lines;
  const body = noteLines.join("\n").trim();
  if (body === "") return null;

  const lists: Record<ListName, string[]> = { done: [], next: [], dependencies: [], decisions: [] };
  let summary: string | undefined;
  let current: ListName = "done";
  let lastItemIn: ListName | undefined;

  for (const raw of noteLines) {
    const line = raw.trim();
    if (line === "" || EMPTY_BULLET.test(line)) continue;
    const header = HEADER.exec(line);
    if (header && summary === undefined) {
      summary = header[1].trim() || "Checkpoint";
      continue;
    }
    if (summary === undefined) {
      summary = line;
      continue;
    }
    const section = sectionOf(line);
    if (section) {
      current = section;
      lastItemIn = undefined;
      continue;
    }
    const bullet = BULLET.exec(line);
    const list = lists[current];
    if (bullet) {
      list.push(bullet[1].trim());
      lastItemIn = current;
    } else if (lastItemIn === current && list.length > 0) {
      // An unbulleted line under a bullet continues it (e.g. an env var listed under "connect using:").
      list[list.length - 1] = `${list[list.length - 1]}\n${line}`;
    } else {
      list.push(line);
      lastItemIn = current;
    }
  }

  return { summary: truncate(summary ?? "Checkpoint", SUMMARY_MAX), body, ...lists };
}
