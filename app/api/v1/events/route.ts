import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/events";
import { eventStreamSlots } from "@/lib/server/http/open-slots";
import { eventStream, lastEventId } from "@/lib/server/events/stream-events";

export const dynamic = "force-dynamic";

export const GET = route(contracts.streamEvents, async ({ request, query, principal }) => {
  // The slot is held until the connection closes, so a client that stops reading keeps counting.
  eventStreamSlots.holdUntilAborted(principal, request.signal);
  const stream = eventStream({ taskKey: query.task, afterSeq: lastEventId(request) ?? query.after ?? null, signal: request.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
