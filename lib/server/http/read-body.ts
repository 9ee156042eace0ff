// Reads a request body as text with a hard byte limit, before anything parses it.
import { AppError } from "@/lib/server/errors";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function readBodyText(request: Request, limitBytes = DEFAULT_BODY_LIMIT): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(limitBytes: number): AppError {
  return new AppError("payload-too-large", `The request body exceeds the limit of ${formatBytes(limitBytes)}.`, {
    extensions: { limitBytes },
  });
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new AppError("malformed-request", "The request body is empty; a JSON document was expected.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("malformed-request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
