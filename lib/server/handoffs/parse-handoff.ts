// Parses the guide's split-brain handoff document ("## Agent Handoff: A → B", "### What's Complete",
// "### What's Needed", "### Next Steps") into handoff fields. Linear time on any input.
import { bulletItem, cleanLines, headingKey, isEmptyBullet, skipWhitespace } from "@/lib/server/checkpoints/note-lines";

export type ParsedHandoff = { from?: string; to?: string; complete: string[]; needed: string[]; nextSteps: string[]; body: string };

type ListName = "complete" | "needed" | "nextSteps";

const SECTIONS = new Map<string, ListName>([
  ["what's complete", "complete"],
  ["complete", "complete"],
  ["done", "complete"],
  ["what's needed", "needed"],
  ["needed", "needed"],
  ["next steps", "nextSteps"],
  ["next actions", "nextSteps"],
]);

const TITLE_PREFIX = "agent handoff";
// Fixed-length alternatives only, so finding the first one is a single scan.
const SEPARATOR = /→|->|=>|\bto\b/gi;

/** The agents of a trimmed `Agent Handoff: A → B` line, split at its first separator; undefined when it is not one. */
function handoffTitle(line: string): { from: string; to: string } | undefined {
  if (line.slice(0, TITLE_PREFIX.length).toLowerCase() !== TITLE_PREFIX) return undefined;
  let start = skipWhitespace(line, TITLE_PREFIX.length);
  if (line[start] === ":") start = skipWhitespace(line, start + 1);
  const names = line.slice(start);
  for (const separator of names.matchAll(SEPARATOR)) {
    // No separator can start inside one that starts at 0, so skipping it skips nothing else.
    if (separator.index === 0) continue;
    const end = separator.index + separator[0].length;
    // The line is trimmed, so anything after the separator holds a name.
    return end < names.length ? { from: names.slice(0, separator.index).trim(), to: names.slice(end).trim() } : undefined;
  }
  return undefined;
}

function sectionOf(line: string): ListName | undefined {
  return SECTIONS.get(headingKey(line));
}

export function parseHandoff(text: string): ParsedHandoff {
  const lines = cleanLines(text);
  const lists: Record<ListName, string[]> = { complete: [], needed: [], nextSteps: [] };
  const parsed: ParsedHandoff = { ...lists, body: lines.join("\n").trim() };
  let current: ListName | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "" || isEmptyBullet(line)) continue;
    const title = parsed.from === undefined ? handoffTitle(line) : undefined;
    if (title) {
      parsed.from = title.from;
      parsed.to = title.to;
      continue;
    }
    const section = sectionOf(line);
    if (section) {
      current = section;
      continue;
    }
    if (!current) continue;
    const list = lists[current];
    const item = bulletItem(line);
    if (item !== undefined) list.push(item);
    // An unbulleted line continues the item above it (the guide lists env vars under "connect using:").
    else if (list.length > 0) list[list.length - 1] = `${list[list.length - 1]}\n${line}`;
    else list.push(line);
  }
  return { ...parsed, ...lists };
}
