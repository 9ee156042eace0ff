import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, uniqueKey } from "./context";
import { events } from "../support/test-db";

type Question = {
  id: number;
  title: string;
  kind: string;
  status: string;
  resolution: string | null;
  question: string | null;
  options: string[];
  recommended: string | null;
  answer: string | null;
  answerComment: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  resolvedAt: string | null;
};
type Problem = { type: string; status: number; detail: string; errors?: { path: string; message: string }[] };
type Brief = { nextActions: string[]; answeredQuestions: Question[]; openBlockers: Question[] };

const REGION = {
  kind: "decision",
  title: "Pick the replica region",
  question: "Which region should the read replica go to?",
  options: ["us-east-1", "eu-west-1", "ap-south-1"],
  recommended: "eu-west-1",
};

async function login(): Promise<string> {
  const response = await fetch(`${baseUrl}/login?token=${adminToken}`, { redirect: "manual" });
  return response.headers.get("set-cookie")!.split(";")[0];
}

async function createTask(): Promise<string> {
  const key = uniqueKey("questions");
  await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Replica rollout", phases: [{ key: "provision" }] } });
  await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "started", phase: "provision", next: ["Create the replica"] } });
  return key;
}

async function ask(key: string, body: Record<string, unknown> = REGION) {
  return api<Question & Problem>(`/api/v1/tasks/${key}/blockers`, { json: body });
}

function answer(key: string, id: number, json: unknown, options: { cookie?: string; origin?: string | null; token?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  const origin = options.origin === undefined ? baseUrl : options.origin;
  if (origin) headers.origin = origin;
  return api<Question & Problem>(`/api/v1/tasks/${key}/blockers/${id}/answer`, { json, headers, token: options.token ?? null });
}

async function taskEvents(key: string) {
  return (await events(key)).map((event) => ({ ...event, payload: event.payload as { blocker?: Question } }));
}

describe("asking a person a question (POST /tasks/{key}/blockers with a question)", () => {
  it("opens a decision blocker with its question, blocks the task, lists it open first and fires blocker.opened", async () => {
    const key = await createTask();
    const plain = await api<Question>(`/api/v1/tasks/${key}/blockers`, { json: { title: "Waiting for quota", kind: "rate_limit" } });
    await api(`/api/v1/tasks/${key}/blockers/${plain.body.id}`, { method: "PATCH", json: { status: "resolved", resolution: "quota raised" } });

    const asked = await ask(key);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ ...REGION, status: "open", answer: null, answeredBy: null, answeredAt: null });
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ status: "blocked", openBlockers: [expect.objectContaining({ id: asked.body.id, question: REGION.question })] });

    const list = await api<{ items: Question[] }>(`/api/v1/tasks/${key}/blockers`);
    expect(list.body.items.map((b) => [b.id, b.status])).toEqual([
      [asked.body.id, "open"],
      [plain.body.id, "resolved"],
    ]);
    expect(list.body.items[0]).toMatchObject({ question: REGION.question, options: REGION.options, recommended: "eu-west-1" });
    expect(list.body.items[1]).toMatchObject({ question: null, options: [], recommended: null });

    const opened = (await taskEvents(key)).filter((e) => e.type === "blocker.opened").at(-1)!;
    expect(opened.payload.blocker).toMatchObject({ id: asked.body.id, question: REGION.question, options: REGION.options, recommended: "eu-west-1" });

    const inbox = await api<{ items: (Question & { task: string; taskTitle: string })[] }>(`/api/v1/questions?status=open`);
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ id: asked.body.id, task: key, taskTitle: "Replica rollout", question: REGION.question }));
    expect(inbox.body.items.map((q) => q.id)).not.toContain(plain.body.id);
  });

  it.each([
    ["a question on a non-decision blocker", { ...REGION, kind: "access" }, "kind"],
    ["a question without its kind (default other)", { title: "t", question: "q?" }, "kind"],
    ["a recommended value outside the options", { ...REGION, recommended: "sa-east-1" }, "recommended"],
    ["a recommended value without options", { kind: "decision", title: "t", question: "q?", recommended: "yes" }, "recommended"],
    ["options without a question", { kind: "decision", title: "t", options: ["a", "b"] }, "options"],
    ["repeated options", { ...REGION, options: ["a", " a "], recommended: undefined }, "options"],
    ["an empty options list", { ...REGION, options: [], recommended: undefined }, "options"],
    ["an empty option", { ...REGION, options: ["a", "  "], recommended: undefined }, "options.1"],
    ["more than 20 options", { ...REGION, options: Array.from({ length: 21 }, (_, i) => `option ${i}`), recommended: undefined }, "options"],
    ["an option over 200 characters", { ...REGION, options: ["x".repeat(201)], recommended: undefined }, "options.0"],
    ["an empty question", { ...REGION, question: "   " }, "question"],
  ])("refuses %s with 422 and opens nothing", async (_name, body, path) => {
    const key = await createTask();
    const response = await ask(key, body);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.body.errors).toContainEqual(expect.objectContaining({ path }));
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ status: "active", openBlockers: [] });
  });

  it("delivers blocker.opened with the question to a subscribed webhook", async () => {
    const received: { event: string; body: string }[] = [];
    let arrived = () => {};
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ event: String(request.headers["baton-event"]), body });
        response.writeHead(200).end();
        arrived();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/questions`;
    const hook = await api<{ id: string }>(`/api/v1/webhooks`, { json: { url, events: ["blocker.opened"], secret: "whsec_questions_0123456789" }, token: adminToken });
    expect(hook.status).toBe(201);
    try {
      const key = await createTask();
      const asked = await ask(key);
      await delivered;
      const payload = JSON.parse(received[0].body) as { event: { type: string; taskKey: string; payload: { blocker: Question } } };
      expect(received[0].event).toBe("blocker.opened");
      expect(payload.event).toMatchObject({ type: "blocker.opened", taskKey: key, payload: { blocker: { id: asked.body.id, question: REGION.question, options: REGION.options, recommended: "eu-west-1" } } });
    } finally {
      await api(`/api/v1/webhooks/${hook.body.id}`, { method: "DELETE", token: adminToken });
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe("a person answers (POST /tasks/{key}/blockers/{id}/answer)", () => {
  it("resolves the question with the answer and comment, records who answered and fires blocker.resolved", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const cookie = await login();
    const answered = await answer(key, asked.body.id, { answer: "eu-west-1", comment: "Keep it next to the EU customers" }, { cookie });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      status: "resolved",
      answer: "eu-west-1",
      answerComment: "Keep it next to the EU customers",
      resolution: "eu-west-1 — Keep it next to the EU customers",
      answeredBy: "person:owner",
    });
    expect(answered.body.answeredAt).not.toBeNull();
    expect(answered.body.resolvedAt).toBe(answered.body.answeredAt);
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ status: "active", openBlockers: [] });
    const resolved = (await taskEvents(key)).filter((e) => e.type === "blocker.resolved");
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ actor: "person:owner", payload: { blocker: { id: asked.body.id, answer: "eu-west-1" } } });
    expect((await api<{ items: Question[] }>(`/api/v1/questions?status=open`)).body.items.map((q) => q.id)).not.toContain(asked.body.id);
  });

  it("accepts any text for a question without options, and a missing comment", async () => {
    const key = await createTask();
    const asked = await ask(key, { kind: "decision", title: "Name the bucket", question: "What should the backup bucket be called?" });
    expect(asked.body.options).toEqual([]);
    const answered = await answer(key, asked.body.id, { answer: "  orders-backups-2026  " }, { cookie: await login() });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ answer: "orders-backups-2026", answerComment: null, resolution: "orders-backups-2026" });
  });

  it("refuses no authentication with 401 and an agent or admin token with 403, leaving the question open", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const body = { answer: "eu-west-1" };
    expect((await answer(key, asked.body.id, body)).status).toBe(401);
    const withAgentToken = await api<Problem>(`/api/v1/tasks/${key}/blockers/${asked.body.id}/answer`, { json: body, headers: { origin: baseUrl } });
    expect(withAgentToken.status).toBe(403);
    expect(withAgentToken.headers.get("content-type")).toContain("application/problem+json");
    expect((await answer(key, asked.body.id, body, { token: adminToken })).status).toBe(403);
    expect((await api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}`)).body).toMatchObject({ status: "open", answer: null });
  });

  it("refuses a session from a foreign origin or without an Origin header with 403", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const cookie = await login();
    expect((await answer(key, asked.body.id, { answer: "eu-west-1" }, { cookie, origin: "http://evil.example" })).status).toBe(403);
    expect((await answer(key, asked.body.id, { answer: "eu-west-1" }, { cookie, origin: null })).status).toBe(403);
    expect((await api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}`)).body.status).toBe("open");
  });

  it("refuses an answer outside the options or an empty answer with 422, leaving the question open", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const cookie = await login();
    const outside = await answer(key, asked.body.id, { answer: "sa-east-1" }, { cookie });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([expect.objectContaining({ path: "answer" })]);
    expect(outside.body.detail).toContain('"us-east-1", "eu-west-1", "ap-south-1"');
    expect((await answer(key, asked.body.id, { answer: "EU-WEST-1" }, { cookie })).status).toBe(422);
    expect((await answer(key, asked.body.id, { answer: " " }, { cookie })).status).toBe(422);
    expect((await answer(key, asked.body.id, { comment: "no answer" }, { cookie })).status).toBe(422);
    expect((await api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}`)).body).toMatchObject({ status: "open", answer: null });
    expect((await taskEvents(key)).filter((e) => e.type === "blocker.resolved")).toEqual([]);
  });

  it("answers 409 to a second answer (the first stays) and to answering a blocker that asks nothing", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const cookie = await login();
    expect((await answer(key, asked.body.id, { answer: "us-east-1" }, { cookie })).status).toBe(200);
    const again = await answer(key, asked.body.id, { answer: "eu-west-1" }, { cookie });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain("already answered by person:owner");
    expect((await api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}`)).body.answer).toBe("us-east-1");

    const plain = await api<Question>(`/api/v1/tasks/${key}/blockers`, { json: { title: "Need AWS credentials", kind: "access" } });
    const notAQuestion = await answer(key, plain.body.id, { answer: "here" }, { cookie });
    expect(notAQuestion.status).toBe(409);
    expect((await api<Question>(`/api/v1/tasks/${key}/blockers/${plain.body.id}`)).body.status).toBe("open");
  });

  it("answers 404 for an unknown blocker or a blocker of another task", async () => {
    const key = await createTask();
    const other = await createTask();
    const theirs = await ask(other);
    const cookie = await login();
    expect((await answer(key, 99_999_999, { answer: "eu-west-1" }, { cookie })).status).toBe(404);
    expect((await answer(key, theirs.body.id, { answer: "eu-west-1" }, { cookie })).status).toBe(404);
  });
});

describe("the agent cannot resolve its own question", () => {
  it("refuses PATCH on an open question with 403, and with 409 once it was answered", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const patch = () => api<Problem>(`/api/v1/tasks/${key}/blockers/${asked.body.id}`, { method: "PATCH", json: { status: "resolved", resolution: "us-east-1" } });
    const refused = await patch();
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain(`/blockers/${asked.body.id}?wait=60`);
    expect((await api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}`)).body).toMatchObject({ status: "open", resolution: null });

    await answer(key, asked.body.id, { answer: "eu-west-1" }, { cookie: await login() });
    expect((await patch()).status).toBe(409);
  });

  it("keeps an open question open when an imported progress.json no longer lists it", async () => {
    const key = await createTask();
    const asked = await ask(key);
    await api(`/api/v1/tasks/${key}/blockers`, { json: { title: "Waiting for quota" } });
    const file = (await api<Record<string, unknown>>(`/api/v1/tasks/${key}/progress.json`)).body;
    expect(file.blockers).toEqual(expect.arrayContaining([REGION.title, "Waiting for quota"]));
    const put = await api(`/api/v1/tasks/${key}/progress.json`, { method: "PUT", json: { ...file, blockers: [] } });
    expect(put.status).toBe(200);
    const blockers = (await api<{ items: Question[] }>(`/api/v1/tasks/${key}/blockers`)).body.items;
    expect(blockers.find((b) => b.id === asked.body.id)).toMatchObject({ status: "open" });
    expect(blockers.find((b) => b.title === "Waiting for quota")).toMatchObject({ status: "resolved" });
  });
});

describe("GET /tasks/{key}/blockers/{id}?wait=N", () => {
  it("returns the open question at once without wait, and after about N seconds when nobody answers", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const now = await api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}`);
    expect(now.body).toMatchObject({ id: asked.body.id, status: "open", question: REGION.question });
    const started = performance.now();
    const waited = await api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}?wait=2`);
    const elapsed = performance.now() - started;
    expect(waited.status).toBe(200);
    expect(waited.body.status).toBe("open");
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
  });

  it("wakes as soon as the person answers and carries the answer", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const cookie = await login();
    // wait=60 outlasts the test's own timeout: only a poll woken by the answer can return in time.
    const poll = api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}?wait=60`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await answer(key, asked.body.id, { answer: "ap-south-1", comment: "closest to the batch jobs" }, { cookie })).status).toBe(200);
    const woken = await poll;
    expect(woken.body).toMatchObject({ status: "resolved", answer: "ap-south-1", answerComment: "closest to the batch jobs", answeredBy: "person:owner" });
  });

  it("answers at once for a resolved blocker, 422 for a wait over 60 s and 404 for an unknown blocker", async () => {
    const key = await createTask();
    const asked = await ask(key);
    await answer(key, asked.body.id, { answer: "us-east-1" }, { cookie: await login() });
    // wait=60 outlasts the test's own timeout: a resolved blocker must be answered without waiting.
    expect((await api<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}?wait=60`)).body.answer).toBe("us-east-1");
    const tooLong = await api<Problem>(`/api/v1/tasks/${key}/blockers/${asked.body.id}?wait=61`);
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ path: "wait" })]);
    expect((await api(`/api/v1/tasks/${key}/blockers/99999999?wait=1`)).status).toBe(404);
    expect((await api(`/api/v1/tasks/${key}/blockers/${asked.body.id}`, { token: null })).status).toBe(401);
  });
});

describe("waiting long-polls per token", () => {
  it("counts questions and approvals together: the 65th waiting long-poll of one token is 429 with Retry-After", async () => {
    const key = await createTask();
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Replica rollout", phases: [{ key: "cutover", requiresApproval: true }] } });
    const approval = await api<{ id: string }>(`/api/v1/tasks/${key}/phases/cutover/approvals`, { json: { title: "Cut over", artifact: { name: "plan.txt", content: "plan" } } });
    const asked = await ask(key);
    const token = (await api<{ token: string }>(`/api/v1/tokens`, { json: { name: "question waiter" }, token: adminToken })).body.token;
    const headers = { authorization: `Bearer ${token}` };
    const questionUrl = `${baseUrl}/api/v1/tasks/${key}/blockers/${asked.body.id}`;
    const aborts = new AbortController();
    const waiting = [
      ...Array.from({ length: 32 }, () => fetch(`${baseUrl}/api/v1/approvals/${approval.body.id}?wait=60`, { headers, signal: aborts.signal })),
      ...Array.from({ length: 32 }, () => fetch(`${questionUrl}?wait=60`, { headers, signal: aborts.signal })),
    ].map((pending) => pending.catch((error: Error) => error));
    try {
      // The 64 reach the server in their own time: ask until all of them hold their slots.
      let refused: Response | undefined;
      for (let attempt = 0; attempt < 50 && !refused; attempt++) {
        const response = await fetch(`${questionUrl}?wait=1`, { headers });
        if (response.status === 429) refused = response;
      }
      expect(refused?.status).toBe(429);
      expect(refused!.headers.get("content-type")).toContain("application/problem+json");
      expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await fetch(questionUrl, { headers })).status).toBe(200);
    } finally {
      aborts.abort();
      await Promise.all(waiting);
    }
  });
});

describe("the brief after an answer", () => {
  it("puts the answer and comment first among the next actions until the agent records a checkpoint", async () => {
    const key = await createTask();
    const asked = await ask(key);
    const before = await api<Brief>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
    expect(before.body.nextActions).toEqual(["Create the replica"]);
    const markdown = await api(`/api/v1/tasks/${key}/brief`);
    expect(markdown.text).toContain(`Asks a person: ${REGION.question} (options: us-east-1 / eu-west-1 (recommended) / ap-south-1)`);

    await answer(key, asked.body.id, { answer: "eu-west-1", comment: "Keep it next to the EU customers" }, { cookie: await login() });
    const action = "Proceed with the person's answer to “Which region should the read replica go to?”: eu-west-1 — Keep it next to the EU customers";
    const after = await api<Brief>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
    expect(after.body.nextActions).toEqual([action, "Create the replica"]);
    expect(after.body.answeredQuestions).toEqual([expect.objectContaining({ id: asked.body.id, answer: "eu-west-1" })]);
    expect((await api(`/api/v1/tasks/${key}/brief`)).text).toContain(`## Next actions\n\n1. ${action}\n2. Create the replica\n`);

    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "Replica in eu-west-1 requested", phase: "provision", next: ["Wait for the replica"] } });
    const later = await api<Brief>(`/api/v1/tasks/${key}/brief`, { headers: { accept: "application/json" } });
    expect(later.body.nextActions).toEqual(["Wait for the replica"]);
    expect(later.body.answeredQuestions).toEqual([]);
  });
});
