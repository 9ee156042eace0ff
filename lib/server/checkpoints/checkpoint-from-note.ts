// The `parseBody` of `POST /tasks/{key}/checkpoints`: a text/plain note becomes the JSON checkpoint shape,
// with `?phase=`, `?agent=` and `?phaseStatus=` from the query string, then validated by the same schema.
import { AppError } from "@/lib/server/errors";
import { parseCheckpointNote } from "@/lib/server/checkpoints/parse-note";

const NOTE_TYPES = ["text/plain", "text/markdown"];
const QUERY_FIELDS = ["phase", "agent", "phaseStatus"] as const;

export function checkpointFromNote(raw: string, contentType: string, request: Request): Record<string, unknown> {
  if (!NOTE_TYPES.some((type) => contentType.startsWith(type))) {
    throw new AppError("unsupported-media-type", `Send the checkpoint as application/json or as a text/plain note (got ${contentType}).`);
  }
  const note = parseCheckpointNote(raw);
  if (!note) {
    throw new AppError("validation-failed", "The note is empty; write at least a summary line such as `=== CHECKPOINT: Phase 1 Complete ===`.", {
      errors: [{ path: "(root)", message: "the note is empty" }],
    });
  }
  const query = new URL(request.url).searchParams;
  const fromQuery = Object.fromEntries(QUERY_FIELDS.flatMap((field) => (query.has(field) ? [[field, query.get(field)]] : [])));
  return { ...note, ...fromQuery };
}
