// A webhook receiver on loopback for tests: records every request and answers as the test says.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { headers: http.IncomingHttpHeaders; body: string };

/** What to answer: a status, or null to hold the request open until the connection closes. */
export type Answer = (request: ReceivedRequest, index: number) => number | null | Promise<number | null>;

export type WebhookReceiver = {
  url: string;
  received: ReceivedRequest[];
  /** Resolves once `count` requests have arrived in all; rejects after `timeoutMs`. */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedRequest[]>;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(answer: Answer = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const waiting: { count: number; resolve: (requests: ReceivedRequest[]) => void }[] = [];
  const waitFor = (count: number, timeoutMs = 30_000) =>
    new Promise<ReceivedRequest[]>((resolve, reject) => {
      if (received.length >= count) return resolve(received.slice());
      const timer = setTimeout(() => reject(new Error(`The receiver got ${received.length} of ${count} requests within ${timeoutMs} ms.`)), timeoutMs);
      waiting.push({ count, resolve: (requests) => (clearTimeout(timer), resolve(requests)) });
    });
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", async () => {
      const entry = { headers: request.headers, body };
      const index = received.push(entry) - 1;
      for (const waiter of waiting.filter((w) => received.length >= w.count)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(received.slice());
      }
      const status = await answer(entry, index);
      if (status !== null) response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/baton`,
    received,
    waitFor,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
