import { route } from "@/lib/server/http/route";
import { eventStreamQuerySchema } from "@/lib/schemas/event";
import { eventStream, lastEventId } from "@/lib/server/events/stream-events";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  query: eventStreamQuerySchema,
  handle: async ({ request, query }) => {
    const stream = eventStream({ taskKey: query.task, afterSeq: lastEventId(request) ?? query.after ?? null, signal: request.signal });
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
