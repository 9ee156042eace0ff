import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, api, uniqueKey } from "./context";
import { verifySignature } from "@/lib/server/webhooks/sign";

type Received = { headers: http.IncomingHttpHeaders; body: string };
type Delivery = { status: string; attempts: number; responseStatus: number | null; lastError: string | null; nextAttemptAt: string | null; eventType: string };

const SECRET = "whsec_test_0123456789abcdef";
const asPerson = { token: adminToken };

/** A real HTTP receiver: answers 500 to the first delivery, 200 afterwards, and hands each request to whoever waits. */
let receiver: http.Server;
let receiverUrl: string;
const received: Received[] = [];
const waiters: ((request: Received) => void)[] = [];
const nextRequest = () => new Promise<Received>((resolve) => waiters.push(resolve));

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const entry = { headers: request.headers, body };
      received.push(entry);
      response.writeHead(received.length === 1 ? 500 : 200).end();
      waiters.shift()?.(entry);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/baton`;
});

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe("webhooks", () => {
  it("delivers approval.requested signed with HMAC-SHA256, retries a failed delivery with backoff, and logs every attempt", { timeout: 60_000 }, async () => {
    const created = await api<{ id: string; url: string; events: string[] }>(`/api/v1/webhooks`, {
      json: { url: receiverUrl, events: ["approval.requested"], secret: SECRET },
      ...asPerson,
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain(SECRET);

    const key = uniqueKey("webhooks");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Hooked", phases: [{ key: "apply", requiresApproval: true }] } });
    const first = nextRequest();
    await api(`/api/v1/tasks/${key}/phases/apply/approvals`, { json: { title: "Apply", artifact: { name: "plan.txt", content: "Plan: 0 to add, 0 to change, 0 to destroy." } } });
    const request = await first;

    const signature = String(request.headers["baton-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, request.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature("another secret of enough length", request.body, signature, Math.floor(Date.now() / 1000))).toBe(false);
    expect(request.headers["baton-event"]).toBe("approval.requested");
    const payload = JSON.parse(request.body) as { event: { type: string; taskKey: string; payload: { approval: { title: string } } } };
    expect(payload.event).toMatchObject({ type: "approval.requested", taskKey: key, payload: { approval: { title: "Apply" } } });

    const log = async () => (await api<{ items: Delivery[] }>(`/api/v1/webhooks/${created.body.id}/deliveries`, asPerson)).body.items;
    await expect.poll(async () => (await log())[0]?.status).toBe("retrying");
    expect((await log())[0]).toMatchObject({ eventType: "approval.requested", attempts: 1, responseStatus: 500 });
    expect((await log())[0].lastError).toContain("500");
    expect((await log())[0].nextAttemptAt).not.toBeNull();

    const retry = await nextRequest();
    expect(retry.body).toBe(request.body);
    expect(retry.headers["baton-attempt"]).toMatch(/^2\//);
    await expect.poll(async () => (await log())[0]?.status).toBe("delivered");
    expect((await log())[0]).toMatchObject({ attempts: 2, responseStatus: 200, nextAttemptAt: null });
  });

  it("only delivers the events a webhook subscribed to", async () => {
    const hook = await api<{ id: string }>(`/api/v1/webhooks`, { json: { url: `${receiverUrl}?only=blockers`, events: ["blocker.opened"], secret: SECRET }, ...asPerson });
    const key = uniqueKey("webhooks");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Filtered" } });
    const next = nextRequest();
    await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "Need AWS credentials", kind: "access" } });
    const request = await next;
    expect(request.headers["baton-event"]).toBe("blocker.opened");
    const deliveries = (await api<{ items: Delivery[] }>(`/api/v1/webhooks/${hook.body.id}/deliveries`, asPerson)).body.items;
    expect(deliveries.every((d) => d.eventType === "blocker.opened")).toBe(true);
  });

  it("lists and deletes webhooks for people only", async () => {
    const hook = await api<{ id: string }>(`/api/v1/webhooks`, { json: { url: receiverUrl, events: ["*"], secret: SECRET }, ...asPerson });
    const list = await api<{ items: { id: string; secret?: string }[] }>(`/api/v1/webhooks`, asPerson);
    expect(list.body.items.some((w) => w.id === hook.body.id)).toBe(true);
    expect(list.body.items.every((w) => w.secret === undefined)).toBe(true);
    expect((await api(`/api/v1/webhooks`, { json: { url: receiverUrl, events: ["*"], secret: SECRET } })).status).toBe(403);
    expect((await api(`/api/v1/webhooks`, { token: null })).status).toBe(401);
    expect((await api(`/api/v1/webhooks`, { json: { url: "ftp://example.com", events: ["*"], secret: SECRET }, ...asPerson })).status).toBe(422);
    expect((await api(`/api/v1/webhooks/${hook.body.id}`, { method: "DELETE", ...asPerson })).status).toBe(204);
    expect((await api(`/api/v1/webhooks/${hook.body.id}`, { method: "DELETE", ...asPerson })).status).toBe(404);
  });
});
