import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, agentToken, api, baseUrl, uniqueKey } from "./context";
import { rawRequest } from "../support/http";
import { events } from "../support/test-db";
import { startServer, type RunningServer } from "../support/server";

const FORGED = { host: "evil.example" };
const PLAN = "Plan: 1 to add, 0 to change, 0 to destroy.";

/** A webhook receiver on loopback that hands each delivery body to whoever waits for it. */
let receiver: http.Server;
let receiverUrl: string;
const waiters: ((body: string) => void)[] = [];
const nextDelivery = () => new Promise<string>((resolve) => waiters.push(resolve));

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      response.writeHead(200).end();
      waiters.shift()?.(body);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/links`;
});

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

function requestApprovalWithHost(url: string, token: string, key: string, host: string) {
  const body = JSON.stringify({ title: "Apply", artifact: { name: "plan.txt", content: PLAN } });
  return rawRequest(`${url}/api/v1/tasks/${key}/phases/apply/approvals`, {
    method: "POST",
    headers: { host, authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
    body,
  });
}

describe("links Baton stores or sends", () => {
  it("are built on the configured origin, never on a forged Host header (approval url, event, webhook, login and logout redirects)", async () => {
    const hook = await api<{ id: string }>(`/api/v1/webhooks`, {
      json: { url: receiverUrl, events: ["approval.requested"], secret: "whsec_links_0123456789" },
      token: adminToken,
    });
    expect(hook.status).toBe(201);
    try {
      const key = uniqueKey("links");
      await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Links", phases: [{ key: "apply", requiresApproval: true }] } });
      const delivered = nextDelivery();
      const created = await requestApprovalWithHost(baseUrl, agentToken, key, FORGED.host);
      expect(created.status).toBe(201);
      const approval = JSON.parse(created.text) as { id: string; url: string };
      expect(approval.url).toBe(`${baseUrl}/approvals/${approval.id}`);

      const stored = (await events(key)).find((event) => event.type === "approval.requested")!;
      expect((stored.payload.approval as { url: string }).url).toBe(approval.url);
      const webhookBody = await delivered;
      expect(webhookBody).toContain(approval.url);
      expect(webhookBody).not.toContain("evil.example");

      const listed = await rawRequest(`${baseUrl}/api/v1/approvals?task=${key}`, { headers: { ...FORGED, authorization: `Bearer ${agentToken}` } });
      expect(JSON.parse(listed.text).items[0].url).toBe(approval.url);

      const login = await rawRequest(`${baseUrl}/login?token=${adminToken}`, { headers: FORGED });
      expect(login.status).toBe(303);
      expect(login.headers.location).toBe(`${baseUrl}/`);
      const cookie = String(login.headers["set-cookie"]).split(";")[0];
      const logout = await rawRequest(`${baseUrl}/logout`, { method: "POST", headers: { ...FORGED, cookie, origin: baseUrl } });
      expect(logout.headers.location).toBe(`${baseUrl}/`);
    } finally {
      await api(`/api/v1/webhooks/${hook.body.id}`, { method: "DELETE", token: adminToken });
    }
  });

  describe("with BATON_PUBLIC_URL set (behind a proxy)", () => {
    const PUBLIC_URL = "https://baton.proxy.test";
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ BATON_PUBLIC_URL: `${PUBLIC_URL}/` });
    }, 300_000);
    afterAll(() => server?.stop());

    it("builds approval urls and login redirects on the public URL, and accepts browser writes from it", async () => {
      const agent = { authorization: `Bearer ${server.agentToken}`, "content-type": "application/json" };
      await fetch(`${server.url}/api/v1/tasks/proxied`, { method: "PUT", headers: agent, body: JSON.stringify({ title: "Proxied" }) });
      const response = await fetch(`${server.url}/api/v1/tasks/proxied/phases/apply/approvals`, {
        method: "POST",
        headers: agent,
        body: JSON.stringify({ title: "Apply", artifact: { name: "plan.txt", content: PLAN } }),
      });
      expect(response.status).toBe(201);
      const approval = (await response.json()) as { id: string; url: string };
      expect(approval.url).toBe(`${PUBLIC_URL}/approvals/${approval.id}`);

      const login = await rawRequest(`${server.url}/login?token=${server.adminToken}`, { headers: FORGED });
      expect(login.headers.location).toBe(`${PUBLIC_URL}/`);
      expect(String(login.headers["set-cookie"])).toContain("Secure");
      const cookie = String(login.headers["set-cookie"]).split(";")[0];
      const write = (origin: string) =>
        fetch(`${server.url}/api/v1/tokens`, { method: "POST", headers: { cookie, origin, "content-type": "application/json" }, body: JSON.stringify({ name: "proxied" }) });
      expect((await write(PUBLIC_URL)).status).toBe(201);
      expect((await write("https://evil.example")).status).toBe(403);
    });
  });
});
