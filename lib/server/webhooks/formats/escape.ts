// Data from agents (task titles, phase names, questions) goes into chat markup: neutralise what would format,
// link or notify, and clip to a length the platform accepts. Linear in the input.

const ZERO_WIDTH_SPACE = "\u200b";
// Broadcast mentions typed as plain words; a zero-width space after the @ keeps them from notifying anyone.
const BROADCAST = /@(everyone|here|channel)/gi;

/** `pieces` escaped one by one, whole if they fit in `max`, else cut at a piece boundary and ended with "…". */
function within(pieces: string[], max: number): string {
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (total <= max) return pieces.join("");
  let out = "";
  for (const piece of pieces) {
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

function characters(text: string): string[] {
  return Array.from(text.replace(BROADCAST, `@${ZERO_WIDTH_SPACE}$1`));
}

const SLACK_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Slack mrkdwn: `&`, `<` and `>` become entities, so no `<!channel>`, `<@U…>` or `<url|fake link>` survives. */
export function slackText(text: string, max: number): string {
  return within(
    characters(text).map((char) => SLACK_ENTITIES[char] ?? char),
    max,
  );
}

const DISCORD_INLINE = new Set(["\\", "*", "_", "~", "`", "|", "[", "]", "<"]);
// Markup only at the start of a line: quotes, headings, subtext, lists.
const DISCORD_LINE_START = new Set([">", "#", "-", "+"]);

/** Discord markdown: a backslash before every character that would format, link, mention or quote. */
export function discordText(text: string, max: number): string {
  let lineStart = true;
  const pieces = characters(text).map((char) => {
    const escaped = DISCORD_INLINE.has(char) || (lineStart && DISCORD_LINE_START.has(char)) ? `\\${char}` : char;
    if (char === "\n") lineStart = true;
    else if (char !== " " && char !== "\t") lineStart = false;
    return escaped;
  });
  return within(pieces, max);
}
