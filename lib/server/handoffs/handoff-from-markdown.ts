// The `parseBody` of `POST /tasks/{key}/handoffs`: a text/markdown (or text/plain) handoff document becomes
// the JSON handoff shape; `?from=` and `?to=` override the agents named in its title.
import { AppError } from "@/lib/server/errors";
import { parseHandoff } from "@/lib/server/handoffs/parse-handoff";

const DOCUMENT_TYPES = ["text/plain", "text/markdown"];

export function handoffFromMarkdown(raw: string, contentType: string, request: Request): Record<string, unknown> {
  if (!DOCUMENT_TYPES.some((type) => contentType.startsWith(type))) {
    throw new AppError("unsupported-media-type", `Send the handoff as application/json or as a text/markdown document (got ${contentType}).`);
  }
  const { from, to, ...lists } = parseHandoff(raw);
  const query = new URL(request.url).searchParams;
  return { ...lists, from: query.get("from") ?? from, to: query.get("to") ?? to };
}
