// The MCP server through a real MCP client, over Streamable HTTP (/api/mcp) and over stdio (the real
// stdio process), with every effect checked through the REST API.
import os from "node:os";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, agentToken, api, baseUrl, uniqueKey } from "./context";
import { GUIDE_NOTE, GUIDE_NOTE_FIELDS } from "../support/guide-examples";
import { batonBin, runCli } from "../support/cli";
import { loginCookie, personClient } from "../support/person";

const TOOLS = [
  "ask_person",
  "export_progress",
  "get_brief",
  "get_task",
  "heartbeat",
  "import_progress",
  "list_playbooks",
  "list_tasks",
  "put_task",
  "record_checkpoint",
  "record_note",
  "report_blocker",
  "request_approval",
  "resolve_blocker",
  "update_phase",
  "wait_for_approval",
  "write_handoff",
];

type Problem = { type: string; status: number; detail: string };
type Approval = { id: string; status: string; artifactSha256: string; comment: string | null };

function connectHttp(token = agentToken): Promise<Client> {
  return connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
}

function connectStdio(): Promise<Client> {
  return connect(
    new StdioClientTransport({
      command: batonBin,
      args: ["mcp"],
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", BATON_URL: baseUrl, BATON_TOKEN: agentToken },
      stderr: "pipe",
    }),
  );
}

async function connect(transport: StreamableHTTPClientTransport | StdioClientTransport): Promise<Client> {
  const client = new Client({ name: "baton-mcp-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
  return { text, isError: result.isError === true, structured: (result.structuredContent ?? {}) as Record<string, unknown> };
}

async function personDecides(id: string, decision: "approve" | "reject", comment?: string) {
  const approval = await api<Approval>(`/api/v1/approvals/${id}`);
  const person = await personClient(baseUrl, adminToken);
  const response = await person<Approval>(`/api/v1/approvals/${id}/decision`, { json: { decision, comment, artifactSha256: approval.body.artifactSha256 } });
  expect(response.status).toBe(200);
}

const PLAN = "Terraform will perform the following actions:\n\n  # aws_instance.web will be created\n\nPlan: 1 to add, 0 to change, 0 to destroy.";

describe.each([
  { transport: "Streamable HTTP", open: () => connectHttp() },
  { transport: "stdio", open: connectStdio },
])("the MCP server over $transport", ({ open }) => {
  let client: Client;
  beforeAll(async () => {
    client = await open();
  });
  afterAll(async () => {
    await client.close();
  });

  it("lists exactly the 17 tools of the spec, each with a JSON schema from the API's zod schemas", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    expect(byName.record_note.inputSchema).toMatchObject({ type: "object", required: expect.arrayContaining(["task", "note"]) });
    expect(Object.keys(byName.record_note.inputSchema.properties ?? {}).sort()).toEqual(["agent", "idempotencyKey", "note", "phase", "task"]);
    expect(byName.get_brief.inputSchema.properties).toHaveProperty("agent");
    expect(byName.wait_for_approval.inputSchema).toMatchObject({ required: ["id"], properties: { timeoutSeconds: { type: "integer" } } });
    // The task key is the API's slug, and a checkpoint's fields are the API's own.
    expect(byName.put_task.inputSchema.properties?.task).toMatchObject({ type: "string", pattern: "^[a-z0-9][a-z0-9._-]{0,99}$" });
    expect(Object.keys(byName.record_checkpoint.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(["summary", "done", "next", "dependencies", "progress", "resumeFrom", "metrics"]));
    for (const tool of tools) expect(tool.description, tool.name).toBeTruthy();
  });

  it("put_task, list_tasks, get_task and list_playbooks read and write the same tasks as the REST API", async () => {
    const key = uniqueKey("mcp-task");
    const put = await call(client, "put_task", { task: key, title: "Backfill orders", phases: [{ key: "copy", name: "Copy rows" }, { key: "switch", requiresApproval: true }] });
    expect(put.isError).toBe(false);
    expect(put.text).toContain(`Created task.`);
    expect(put.structured).toMatchObject({ created: true, task: { key, title: "Backfill orders" } });
    const rest = await api<{ title: string; phases: { key: string; requiresApproval: boolean }[] }>(`/api/v1/tasks/${key}`);
    expect(rest.body.title).toBe("Backfill orders");
    expect(rest.body.phases.map((p) => [p.key, p.requiresApproval])).toEqual([["copy", false], ["switch", true]]);

    const listed = await call(client, "list_tasks", { q: key });
    expect(listed.text).toContain(`${key}: Backfill orders`);
    expect((listed.structured.items as { key: string }[]).map((t) => t.key)).toEqual([key]);

    const got = await call(client, "get_task", { task: key });
    expect(got.structured).toMatchObject({ key, status: "pending", phases: [{ key: "copy" }, { key: "switch", requiresApproval: true }] });
    expect(got.text).toContain("switch: pending [gate]");

    const playbooks = await call(client, "list_playbooks", {});
    expect((playbooks.structured.items as { key: string }[]).map((p) => p.key)).toEqual(expect.arrayContaining(["terraform-deploy", "db-migration-backfill"]));
    expect(playbooks.text).toContain("terraform-deploy");
  });

  it("record_checkpoint, record_note, update_phase and heartbeat record what the REST API then shows", async () => {
    const key = uniqueKey("mcp-progress");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Backfill", phases: [{ key: "copy" }] } });
    const checkpoint = await call(client, "record_checkpoint", {
      task: key,
      phase: "copy",
      summary: "Copied 730,000 rows",
      done: ["rows 1–730000"],
      next: ["continue from 730001"],
      progress: { current: 730_000, total: 1_000_000, unit: "records" },
      resumeFrom: "record 730000",
      metrics: { recordsPerSec: 1840 },
    });
    expect(checkpoint.isError).toBe(false);
    expect(checkpoint.text).toContain("Checkpoint #1 recorded");
    expect(checkpoint.text).toContain("Resume from: record 730000");

    const note = await call(client, "record_note", { task: key, note: GUIDE_NOTE.replace(/^# ?/gm, ""), phase: "copy", agent: "db-agent" });
    expect(note.isError).toBe(false);
    expect(note.structured).toMatchObject({ seq: 2, agent: "db-agent", phase: "copy" });

    const checkpoints = await api<{ items: Record<string, unknown>[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(checkpoints.body.items[1]).toMatchObject({ seq: 1, resumeFrom: "record 730000", progress: { current: 730_000, total: 1_000_000 }, metrics: { recordsPerSec: 1840 } });
    const { decisions: _decisions, ...noteFields } = GUIDE_NOTE_FIELDS;
    expect(checkpoints.body.items[0]).toMatchObject({ seq: 2, ...noteFields });

    const moved = await call(client, "update_phase", { task: key, phase: "copy", status: "active" });
    expect(moved.text).toBe(`Phase copy of ${key} is now active.`);
    const phase = await api<{ phases: { key: string; status: string }[] }>(`/api/v1/tasks/${key}`);
    expect(phase.body.phases[0].status).toBe("active");

    const before = (await api<{ lastActivityAt: string }>(`/api/v1/tasks/${key}`)).body.lastActivityAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beat = await call(client, "heartbeat", { task: key, agent: "db-agent" });
    expect(beat.isError).toBe(false);
    expect(beat.structured).toMatchObject({ task: key });
    const after = (await api<{ lastActivityAt: string }>(`/api/v1/tasks/${key}`)).body.lastActivityAt;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  });

  it("records a retried write once when it carries the same idempotencyKey, and refuses the key with other arguments", async () => {
    const key = uniqueKey("mcp-retry");
    const write = { task: key, summary: "Copied 10 rows", idempotencyKey: `retry-${key}` };
    const first = await call(client, "record_checkpoint", write);
    const retried = await call(client, "record_checkpoint", write);
    expect([first.structured.seq, retried.structured.seq]).toEqual([1, 1]);
    expect((await api<{ items: unknown[] }>(`/api/v1/tasks/${key}/checkpoints`)).body.items).toHaveLength(1);
    const reused = await call(client, "record_checkpoint", { ...write, summary: "Something else" });
    expect(reused).toMatchObject({ isError: true, text: expect.stringContaining("422") });
  });

  it("report_blocker opens a blocker the REST API lists and resolve_blocker resolves it", async () => {
    const key = uniqueKey("mcp-blocker");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Blocked work" } });
    const opened = await call(client, "report_blocker", { task: key, title: "Need the Redis connection string", kind: "access" });
    expect(opened.isError).toBe(false);
    const id = opened.structured.id as number;
    const task = await api<{ status: string; openBlockers: { id: number; kind: string }[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.status).toBe("blocked");
    expect(task.body.openBlockers).toEqual([expect.objectContaining({ id, kind: "access" })]);

    const resolved = await call(client, "resolve_blocker", { task: key, id, resolution: "Found it in the vault" });
    expect(resolved.text).toContain(`Blocker #${id} on ${key} resolved: Found it in the vault`);
    const after = await api<{ openBlockers: unknown[] }>(`/api/v1/tasks/${key}`);
    expect(after.body.openBlockers).toEqual([]);
  });

  it("ask_person asks a person, says plainly when nothing was answered yet, and returns the answer when it comes", async () => {
    const key = uniqueKey("mcp-ask");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Migration" } });
    const started = Date.now();
    const asked = await call(client, "ask_person", {
      task: key,
      question: "Run the backfill during business hours?",
      options: ["yes", "no, tonight"],
      recommended: "no, tonight",
      timeoutSeconds: 1,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(asked.isError).toBe(false);
    const id = asked.structured.id as number;
    expect(asked.structured).toMatchObject({ answered: false, task: key, answer: null, question: "Run the backfill during business hours?" });
    expect(asked.text).toMatch(/^Nothing was answered yet/);
    expect(asked.text).toContain(`{"task": "${key}", "id": ${id}}`);
    const task = await api<{ status: string; openBlockers: Record<string, unknown>[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.status).toBe("blocked");
    expect(task.body.openBlockers).toEqual([expect.objectContaining({ id, kind: "decision", options: ["yes", "no, tonight"], recommended: "no, tonight" })]);

    const waiting = call(client, "ask_person", { task: key, id, timeoutSeconds: 30 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const person = await personClient(baseUrl, adminToken);
    expect((await person(`/api/v1/tasks/${key}/blockers/${id}/answer`, { json: { answer: "no, tonight", comment: "after 22:00" } })).status).toBe(200);
    const answered = await waiting;
    expect(answered.structured).toMatchObject({ answered: true, id, answer: "no, tonight", comment: "after 22:00", answeredBy: expect.stringMatching(/^person:/) });
    expect(answered.text).toContain('"no, tonight"');
    expect((await api<{ status: string }>(`/api/v1/tasks/${key}`)).body.status).not.toBe("blocked");

    const neither = await call(client, "ask_person", { task: key });
    expect(neither.isError).toBe(true);
    expect(neither.text).toContain("either `question`");
    const offMenu = await call(client, "ask_person", { task: key, question: "Which region?", options: ["eu"], recommended: "us", timeoutSeconds: 0 });
    expect(offMenu).toMatchObject({ isError: true, text: expect.stringContaining("must be one of `options`") });
  });

  it("request_approval opens a gate; wait_for_approval says plainly that nothing was decided, then returns the person's approval", async () => {
    const key = uniqueKey("mcp-approval");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Deploy", phases: [{ key: "plan" }, { key: "apply", requiresApproval: true }] } });
    const requested = await call(client, "request_approval", { task: key, phase: "apply", title: "Apply the plan", artifact: { name: "plan.txt", content: PLAN } });
    expect(requested.isError).toBe(false);
    const id = requested.structured.id as string;
    expect(requested.text).toContain(`wait_for_approval {"id": "${id}"}`);
    expect(requested.structured).not.toHaveProperty("artifact");
    expect((await api<Approval>(`/api/v1/approvals/${id}`)).body.status).toBe("pending");

    const started = Date.now();
    const pending = await call(client, "wait_for_approval", { id, timeoutSeconds: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(pending.isError).toBe(false);
    expect(pending.text).toMatch(/^Nothing was decided yet/);
    expect(pending.text).toContain(`{"id": "${id}"}`);
    expect(pending.structured).toMatchObject({ decided: false, id, status: "pending", approvalsReceived: 0, requiredApprovals: 1 });
    expect(pending.text).toContain("(0 of 1 approvals)");

    const waiting = call(client, "wait_for_approval", { id, timeoutSeconds: 30 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await personDecides(id, "approve", "Looks right");
    const approved = await waiting;
    expect(approved.structured).toMatchObject({ decided: true, id, status: "approved", decidedBy: expect.stringMatching(/^person:/), comment: "Looks right" });
    expect(approved.text).toContain("APPROVED");
    expect(approved.text).toContain("(1 of 1 approvals)");
    expect((approved.structured.approval as Record<string, unknown>).artifact).toBeUndefined();
  });

  it("surfaces a refusal as a tool error carrying the problem's detail, and applies nothing", async () => {
    const key = uniqueKey("mcp-refusal");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Deploy", phases: [{ key: "apply", requiresApproval: true }] } });
    const refused = await call(client, "update_phase", { task: key, phase: "apply", status: "active" });
    expect(refused.isError).toBe(true);
    const rest = await api<Problem>(`/api/v1/tasks/${key}/phases/apply`, { method: "PATCH", json: { status: "active" } });
    expect(rest.status).toBe(409);
    expect(refused.text).toContain(rest.body.detail);
    expect(refused.text).toContain("approval-required");
    expect((await api<{ phases: { status: string }[] }>(`/api/v1/tasks/${key}`)).body.phases[0].status).toBe("pending");

    const unknown = await call(client, "get_task", { task: uniqueKey("missing") });
    expect(unknown).toMatchObject({ isError: true, text: expect.stringContaining("404") });
    const invalid = await call(client, "put_task", { task: "Not A Slug", title: "x" });
    expect(invalid.isError).toBe(true);
    expect(invalid.text).toContain("task");
  });

  it("write_handoff, get_brief, export_progress and import_progress carry the work to the next session", async () => {
    const key = uniqueKey("mcp-resume");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Split-brain", phases: [{ key: "infra", agent: "infra-agent" }, { key: "app", agent: "app-agent" }] } });
    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "VPC ready", phase: "infra", next: ["Hand off to app"], resumeFrom: "subnet 3" } });
    const handoff = await call(client, "write_handoff", { task: key, from: "infra-agent", to: "app-agent", complete: ["VPC"], needed: ["DB URL"], nextSteps: ["Run migrations"] });
    expect(handoff.isError).toBe(false);
    const handoffs = await api<{ items: { from: string; to: string; nextSteps: string[] }[] }>(`/api/v1/tasks/${key}/handoffs`);
    expect(handoffs.body.items[0]).toMatchObject({ from: "infra-agent", to: "app-agent", nextSteps: ["Run migrations"] });

    const brief = await call(client, "get_brief", { task: key, agent: "app-agent" });
    const markdown = await api(`/api/v1/tasks/${key}/brief?agent=app-agent`, { headers: { accept: "text/markdown" } });
    expect(brief.text).toBe(markdown.text);
    expect(brief.text).toContain("Run migrations");
    const json = await api<Record<string, unknown>>(`/api/v1/tasks/${key}/brief?agent=app-agent`, { headers: { accept: "application/json" } });
    expect(brief.structured).toEqual({ ...json.body, generatedAt: expect.any(String) });

    const exported = await call(client, "export_progress", { task: key });
    expect(exported.structured).toEqual((await api(`/api/v1/tasks/${key}/progress.json`)).body);

    const imported = uniqueKey("mcp-import");
    const file = { task: "Imported work", completed_phases: ["a"], current_phase: "b", pending_phases: ["c"], blockers: ["Waiting on DNS"], notes: "from the guide" };
    const result = await call(client, "import_progress", { task: imported, file });
    expect(result.isError).toBe(false);
    const task = await api<{ title: string; phases: { key: string; status: string }[]; openBlockers: { title: string }[] }>(`/api/v1/tasks/${imported}`);
    expect(task.body.title).toBe("Imported work");
    expect(task.body.phases.map((p) => [p.key, p.status])).toEqual([["a", "done"], ["b", "active"], ["c", "pending"]]);
    expect(task.body.openBlockers.map((b) => b.title)).toEqual(["Waiting on DNS"]);
  });

  it("serves the resume brief as the resource baton://tasks/{key}/brief", async () => {
    const key = uniqueKey("mcp-resource");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Resource" } });
    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "Halfway", resumeFrom: "record 500" } });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain("baton://tasks/{key}/brief");
    const resource = await client.readResource({ uri: `baton://tasks/${key}/brief` });
    const markdown = await api(`/api/v1/tasks/${key}/brief`, { headers: { accept: "text/markdown" } });
    expect(resource.contents).toEqual([{ uri: `baton://tasks/${key}/brief`, mimeType: "text/markdown", text: markdown.text }]);
    await expect(client.readResource({ uri: `baton://tasks/${uniqueKey("missing")}/brief` })).rejects.toThrow(/not found/);
  });
});

describe("POST /api/mcp", () => {
  const initialize = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "1" } } };

  it("answers 401 problem+json without a token or with an unknown one, and the MCP client cannot connect", async () => {
    for (const headers of [{}, { authorization: "Bearer baton_agt_not_a_token" }] as Record<string, string>[]) {
      const response = await fetch(`${baseUrl}/api/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
        body: JSON.stringify(initialize),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(((await response.json()) as Problem).detail).toContain("Bearer");
    }
    await expect(connectHttp("baton_agt_not_a_token")).rejects.toThrow();
  });

  it("answers malformed JSON with 400 and a body that is not JSON-RPC with 422, as problem+json", async () => {
    const post = (body: string) =>
      fetch(`${baseUrl}/api/mcp`, {
        method: "POST",
        headers: { authorization: `Bearer ${agentToken}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
        body,
      });
    const malformed = await post("{");
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toContain("application/problem+json");
    const notJsonRpc = await post(JSON.stringify({ method: "tools/list" }));
    expect(notJsonRpc.status).toBe(422);
    expect(((await notJsonRpc.json()) as Problem & { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  it("refuses a person's browser session: MCP tools act with a bearer token", async () => {
    const response = await fetch(`${baseUrl}/api/mcp`, {
      method: "POST",
      headers: { cookie: await loginCookie(baseUrl, adminToken), origin: baseUrl, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify(initialize),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Problem).detail).toContain("not a browser session");
  });

  it("answers GET and DELETE without a token, or with an unknown one, with 401 like POST", async () => {
    for (const method of ["GET", "DELETE"]) {
      for (const headers of [{}, { authorization: "Bearer baton_agt_not_a_token" }] as Record<string, string>[]) {
        const response = await fetch(`${baseUrl}/api/mcp`, { method, headers: { accept: "text/event-stream", ...headers } });
        expect(response.status).toBe(401);
        expect(response.headers.get("content-type")).toContain("application/problem+json");
      }
    }
  });

  it("is stateless: GET and DELETE answer 405 with Allow: POST", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(`${baseUrl}/api/mcp`, { method, headers: { authorization: `Bearer ${agentToken}`, accept: "text/event-stream" } });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });

  it("acts with the caller's own token: the audit log names that token, and a revoked token is refused", async () => {
    const name = uniqueKey("mcp-caller");
    const created = await api<{ id: string; token: string }>(`/api/v1/tokens`, { json: { name }, token: adminToken });
    const key = uniqueKey("mcp-actor");
    const client = await connectHttp(created.body.token);
    expect((await call(client, "put_task", { task: key, title: "Audited" })).isError).toBe(false);
    const events = await api<{ items: { actor: string }[] }>(`/api/v1/tasks/${key}/events`);
    expect(events.body.items.map((e) => e.actor)).toEqual([`token:${name}`]);

    await api(`/api/v1/tokens/${created.body.id}`, { method: "DELETE", token: adminToken });
    await expect(client.listTools()).rejects.toThrow(/401/);
    await client.close();
  });
});

describe("baton mcp", () => {
  it("exits 2 with a clear message when BATON_TOKEN is not set", async () => {
    const result = await runCli(batonBin, ["mcp"], { env: { BATON_TOKEN: "", BATON_URL: baseUrl }, input: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("BATON_TOKEN is not set");
  });
});
