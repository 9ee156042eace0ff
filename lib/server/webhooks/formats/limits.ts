// How much of each piece of agent data a chat message shows (characters after escaping). Chosen so the largest
// message stays inside Slack's limits (3,000 per section, 2,000 per field) and Discord's (2,000 for
// `content`, 1,024 per field value, 4,096 for the description, 6,000 per embed).
export const LIMITS = {
  /** A task title, phase name, approval title or person's name inside the sentence. */
  name: 200,
  /** A question or checkpoint summary inside the sentence. */
  text: 800,
  /** One short fact beside the task and phase. */
  fact: 800,
  /** A rejection comment, a blocker's detail. */
  body: 1500,
} as const;
