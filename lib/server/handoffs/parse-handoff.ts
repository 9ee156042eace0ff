// Parses the guide's split-brain handoff document ("## Agent Handoff: A → B", "### What's Complete",
// "### What's Needed", "### Next Steps") into handoff fields.
import { BULLET, cleanLines, EMPTY_BULLET } from "@/lib/server/checkpoints/parse-note";

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

const TITLE = /^agent handoff\s*:?\s*(.+?)\s*(?:→|->|=>|\bto\b)\s*(.+?)\s*$/i;

function sectionOf(line: string): ListName | undefined {
  return SECTIONS.get(line.replace(/[:：]\s*$/, "").replace(/’/g, "'").trim().toLowerCase());
}

export function parseHandoff(text: string): ParsedHandoff {
  const lines = cleanLines(text);
  const lists: Record<ListName, string[]> = { complete: [], needed: [], nextSteps: [] };
  const parsed: ParsedHandoff = { ...lists, body: lines.join("\n").trim() };
  let current: ListName | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "" || EMPTY_BULLET.test(line)) continue;
    const title = TITLE.exec(line);
    if (title && parsed.from === undefined) {
      parsed.from = title[1];
      parsed.to = title[2];
      continue;
    }
    const section = sectionOf(line);
    if (section) {
      current = section;
      continue;
    }
    if (!current) continue;
    const list = lists[current];
    const bullet = BULLET.exec(line);
    if (bullet) list.push(bullet[1].trim());
    // An unbulleted line continues the item above it (the guide lists env vars under "connect using:").
    else if (list.length > 0) list[list.length - 1] = `${list[list.length - 1]}\n${line}`;
    else list.push(line);
  }
  return { ...parsed, ...lists };
}
