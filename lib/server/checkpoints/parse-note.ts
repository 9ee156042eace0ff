// Parses a checkpoint note in the guide's record_note format into checkpoint fields:
// `=== CHECKPOINT: … ===`, bullets (done), `NEXT ACTIONS:`, `DEPENDENCIES:`, `DECISIONS:`.
// Linear time on any input: agents send it, and the server must not stall on a hostile note.
import { bulletItem, cleanLines, headingKey, isEmptyBullet, skipWhitespace } from "@/lib/server/checkpoints/note-lines";

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
const HEADER_WORD = "checkpoint";
const WORD_CHAR = /\w/;

/** The title of a trimmed `=== CHECKPOINT: title ===` line ("" when untitled), or undefined when the line is not one. */
function checkpointTitle(line: string): string | undefined {
  let index = 0;
  while (line[index] === "=") index += 1;
  if (index === 0) return undefined;
  index = skipWhitespace(line, index);
  if (line.slice(index, index + HEADER_WORD.length).toLowerCase() !== HEADER_WORD) return undefined;
  index += HEADER_WORD.length;
  if (index < line.length && WORD_CHAR.test(line[index])) return undefined;
  index = skipWhitespace(line, index);
  if (line[index] === ":") index += 1;
  const rest = line.slice(index).trimEnd();
  let end = rest.length;
  while (end > 0 && rest[end - 1] === "=") end -= 1;
  return rest.slice(0, end).trim();
}

function sectionOf(line: string): ListName | undefined {
  return SECTION_NAMES.get(headingKey(line));
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Returns null for a note with no content at all. */
export function parseCheckpointNote(text: string): ParsedNote | null {
  const lines = cleanLines(text);
  const headerIndex = lines.findIndex((line) => checkpointTitle(line.trim()) !== undefined);
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
    if (line === "" || isEmptyBullet(line)) continue;
    const title = summary === undefined ? checkpointTitle(line) : undefined;
    if (title !== undefined) {
      summary = title || "Checkpoint";
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
    const item = bulletItem(line);
    const list = lists[current];
    if (item !== undefined) {
      list.push(item);
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
