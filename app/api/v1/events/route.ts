import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { keySchema } from "@/lib/schemas/common";
import { eventStream } from "@/lib/server/events/stream-events";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  query: z.object({ task: keySchema.optional(), after: z.coerce.number().int().min(0).optional() }),
  handle: async ({ request, query }) => {
    const header = request.headers.get("last-event-id");
    const fromHeader = header !== null && /^\d+$/.test(header) ? Number(header) : null;
    const stream = eventStream({ taskKey: query.task, afterSeq: fromHeader ?? query.after ?? null, signal: request.signal });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      },
    });
  },
});
