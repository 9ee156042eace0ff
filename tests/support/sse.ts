// A minimal Server-Sent Events client over fetch's body stream, for tests and benchmarks.
export type SseFrame = { id?: string; event?: string; data?: string; comments: string[] };

export async function openEventStream(url: string, token: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  async function nextFrame(): Promise<SseFrame> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: SseFrame = { comments: [] };
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) frame.comments.push(line.slice(1).trim());
          else {
            const [field, ...rest] = line.split(":");
            const value = rest.join(":").replace(/^ /, "");
            if (field === "id" || field === "event") frame[field] = value;
            if (field === "data") frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
          }
        }
        return frame;
      }
      const { done, value } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  }
  /** The next real event, skipping comments (connected, keep-alive). */
  async function nextEvent<T>(): Promise<{ id: string; event: string; data: T }> {
    for (;;) {
      const frame = await nextFrame();
      if (frame.data !== undefined) return { id: frame.id!, event: frame.event!, data: JSON.parse(frame.data) as T };
    }
  }
  /** Resolves once the server has subscribed this stream (its first frame says so). */
  async function connected(): Promise<void> {
    const frame = await nextFrame();
    if (!frame.comments.includes("connected")) throw new Error(`expected the connected comment, got ${JSON.stringify(frame)}`);
  }
  return { response, nextFrame, nextEvent, connected, close: () => controller.abort() };
}
