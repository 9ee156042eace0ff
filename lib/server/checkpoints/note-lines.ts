// Line-level scanning shared by the note and handoff parsers. Everything here is a single pass over
// the line (no backtracking regex), so a megabyte of spaces or `#` costs a megabyte of work.

const WHITESPACE = /\s/;

/** The same set as regex `\s` and `String.prototype.trim`. */
function isWhitespace(char: string): boolean {
  return WHITESPACE.test(char);
}

/** Index of the first character at or after `from` that is not whitespace (the length when none). */
export function skipWhitespace(text: string, from: number): number {
  return text.length - text.slice(from).trimStart().length;
}

/** Without a leading `#`/`##` comment or heading marker (and the one whitespace after it). */
function withoutHashPrefix(line: string): string {
  const start = skipWhitespace(line, 0);
  let end = start;
  while (line[end] === "#") end += 1;
  if (end === start) return line;
  if (end === line.length) return "";
  return isWhitespace(line[end]) ? line.slice(end + 1) : line;
}

/** The note as plain lines: CRLF/CR normalised, a leading `#`/`##` prefix and trailing whitespace removed. */
export function cleanLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => withoutHashPrefix(line).trimEnd());
}

const BULLET_MARKS = new Set(["-", "*", "•", "+"]);

/** Where a list marker (`-`, `*`, `•`, `+`, `1.`, `12)`) at the start of `line` ends; 0 when there is none. */
function markerEnd(line: string): number {
  if (BULLET_MARKS.has(line[0])) return 1;
  let digits = 0;
  while (digits < line.length && line[digits] >= "0" && line[digits] <= "9") digits += 1;
  if (digits < 1 || digits > 3) return 0;
  return line[digits] === "." || line[digits] === ")" ? digits + 1 : 0;
}

/** A trimmed line that is only a list marker, e.g. `-` or `2.`. */
export function isEmptyBullet(line: string): boolean {
  const end = markerEnd(line);
  return end > 0 && end === line.length;
}

/** The item text of a trimmed bullet line (`- text`, `1. text`), or undefined when the line is not one. */
export function bulletItem(line: string): string | undefined {
  const end = markerEnd(line);
  if (end === 0 || end >= line.length || !isWhitespace(line[end])) return undefined;
  return line.slice(end).trim();
}

/** A section heading's lookup key: `What’s Needed:` → `what's needed`. */
export function headingKey(line: string): string {
  const trimmed = line.trim();
  const last = trimmed.at(-1);
  const name = last === ":" || last === "：" ? trimmed.slice(0, -1) : trimmed;
  return name.replaceAll("’", "'").trim().toLowerCase();
}
