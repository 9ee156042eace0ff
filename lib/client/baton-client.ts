// The one typed HTTP client for agents (the `baton` CLI and the MCP server): plain fetch against /api/v1,
// request bodies typed by the same zod schemas the server validates with.
import type { z } from "zod";
import type { approvalDetailSchema, approvalRequestSchema } from "@/lib/schemas/approval";
import type { BatchOperation, batchResponseSchema } from "@/lib/schemas/batch";
import type { blockerInputSchema, blockerResolveSchema, blockerViewSchema } from "@/lib/schemas/blocker";
import type { briefSchema } from "@/lib/schemas/brief";
import type { checkpointInputSchema, checkpointViewSchema } from "@/lib/schemas/checkpoint";
import type { handoffInputSchema, handoffViewSchema } from "@/lib/schemas/handoff";
import type { heartbeatInputSchema } from "@/lib/schemas/heartbeat";
import type { phasePatchSchema, PhaseStatus, phaseViewSchema } from "@/lib/schemas/phase";
import type { playbookViewSchema } from "@/lib/schemas/playbook";
import type { ProgressFile, progressFileSchema } from "@/lib/schemas/progress-file";
import type { taskDetailSchema, taskListQuerySchema, taskListSchema, taskPutSchema, taskSummarySchema } from "@/lib/schemas/task";
import { ApiError, NetworkError, toProblem } from "@/lib/client/errors";

export { ApiError, NetworkError } from "@/lib/client/errors";

export type TaskPutBody = z.input<typeof taskPutSchema>;
export type TaskListQuery = Partial<z.output<typeof taskListQuerySchema>>;
export type CheckpointBody = z.input<typeof checkpointInputSchema>;
export type PhasePatchBody = z.input<typeof phasePatchSchema>;
export type BlockerBody = z.input<typeof blockerInputSchema>;
export type BlockerResolveBody = z.input<typeof blockerResolveSchema>;
export type ApprovalRequestBody = z.input<typeof approvalRequestSchema>;
export type HandoffBody = z.input<typeof handoffInputSchema>;
export type HeartbeatBody = z.input<typeof heartbeatInputSchema>;
export type ProgressFileBody = z.input<typeof progressFileSchema>;

export type TaskSummary = z.infer<typeof taskSummarySchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type TaskPage = z.infer<typeof taskListSchema>;
export type PhaseView = z.infer<typeof phaseViewSchema>;
export type Checkpoint = z.infer<typeof checkpointViewSchema>;
export type Blocker = z.infer<typeof blockerViewSchema>;
export type Approval = z.infer<typeof approvalDetailSchema>;
export type CreatedApproval = Approval;
export type Handoff = z.infer<typeof handoffViewSchema>;
export type Playbook = z.infer<typeof playbookViewSchema>;
export type Brief = z.infer<typeof briefSchema>;
export type BatchResult = z.infer<typeof batchResponseSchema>["results"][number];
export type { BatchOperation, ProgressFile };

/** The server caps a single long-poll at this many seconds. */
export const MAX_WAIT_PER_REQUEST = 60;

export type ClientOptions = {
  url: string;
  token: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
};

export type WriteOptions = { idempotencyKey?: string };
export type NoteOptions = WriteOptions & { phase?: string; agent?: string; phaseStatus?: PhaseStatus };

type Call = {
  method?: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  text?: { body: string; contentType: string };
  accept?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
};

export class BatonClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions) {
    this.baseUrl = options.url.replace(/\/+$/, "");
    this.token = options.token;
    this.fetchImpl = options.fetch ?? fetch;
  }

  // Tasks

  async putTask(key: string, body: TaskPutBody): Promise<{ created: boolean; task: TaskDetail }> {
    const response = await this.send(`/tasks/${seg(key)}`, { method: "PUT", json: body });
    return { created: response.status === 201, task: (await response.json()) as TaskDetail };
  }

  getTask(key: string): Promise<TaskDetail> {
    return this.json(`/tasks/${seg(key)}`);
  }

  listTasks(query: TaskListQuery = {}): Promise<TaskPage> {
    return this.json(`/tasks`, { query });
  }

  // Checkpoints and phases

  recordCheckpoint(key: string, body: CheckpointBody, options: WriteOptions = {}): Promise<Checkpoint> {
    return this.json(`/tasks/${seg(key)}/checkpoints`, { method: "POST", json: body, ...options });
  }

  /** A note in the guide's text format (`=== CHECKPOINT: … ===`, bullets, `NEXT ACTIONS:`, `DEPENDENCIES:`). */
  recordNote(key: string, note: string, options: NoteOptions = {}): Promise<Checkpoint> {
    const { idempotencyKey, ...query } = options;
    return this.json(`/tasks/${seg(key)}/checkpoints`, { method: "POST", text: { body: note, contentType: "text/plain; charset=utf-8" }, query, idempotencyKey });
  }

  updatePhase(key: string, phase: string, body: PhasePatchBody): Promise<PhaseView> {
    return this.json(`/tasks/${seg(key)}/phases/${seg(phase)}`, { method: "PATCH", json: body });
  }

  // Blockers and questions

  openBlocker(key: string, body: BlockerBody, options: WriteOptions = {}): Promise<Blocker> {
    return this.json(`/tasks/${seg(key)}/blockers`, { method: "POST", json: body, ...options });
  }

  resolveBlocker(key: string, id: number, body: BlockerResolveBody): Promise<Blocker> {
    return this.json(`/tasks/${seg(key)}/blockers/${id}`, { method: "PATCH", json: body });
  }

  listBlockers(key: string): Promise<{ items: Blocker[] }> {
    return this.json(`/tasks/${seg(key)}/blockers`);
  }

  /** One long-poll of at most 60 s: returns as soon as the blocker is resolved, or at `wait` while still open. */
  getBlocker(key: string, id: number, options: { wait?: number; signal?: AbortSignal } = {}): Promise<Blocker> {
    return this.json(`/tasks/${seg(key)}/blockers/${id}`, { query: { wait: options.wait }, signal: options.signal });
  }

  /** Long-polls until the blocker is resolved or `timeoutSeconds` pass (or `signal` aborts); returns its last state either way. */
  waitForBlocker(key: string, id: number, timeoutSeconds: number, signal?: AbortSignal): Promise<Blocker> {
    return pollUntil(timeoutSeconds, (wait) => this.getBlocker(key, id, { wait, signal }), (blocker) => blocker.status !== "open");
  }

  // Approvals

  requestApproval(key: string, phase: string, body: ApprovalRequestBody, options: WriteOptions = {}): Promise<CreatedApproval> {
    return this.json(`/tasks/${seg(key)}/phases/${seg(phase)}/approvals`, { method: "POST", json: body, ...options });
  }

  /** One long-poll of at most 60 s: returns as soon as the approval is decided, or at `wait` while pending. */
  getApproval(id: string, options: { wait?: number; signal?: AbortSignal } = {}): Promise<Approval> {
    return this.json(`/approvals/${seg(id)}`, { query: { wait: options.wait }, signal: options.signal });
  }

  /** Long-polls until the approval leaves `pending` or `timeoutSeconds` pass (or `signal` aborts); returns its last state either way. */
  waitForApproval(id: string, timeoutSeconds: number, signal?: AbortSignal): Promise<Approval> {
    return pollUntil(timeoutSeconds, (wait) => this.getApproval(id, { wait, signal }), (approval) => approval.status !== "pending");
  }

  // Handoffs, liveness, brief

  writeHandoff(key: string, body: HandoffBody, options: WriteOptions = {}): Promise<Handoff> {
    return this.json(`/tasks/${seg(key)}/handoffs`, { method: "POST", json: body, ...options });
  }

  /** A handoff document in markdown ("What's Complete / What's Needed / Next Steps"); from/to override its title. */
  writeHandoffDocument(key: string, document: string, agents: { from?: string; to?: string }, options: WriteOptions = {}): Promise<Handoff> {
    return this.json(`/tasks/${seg(key)}/handoffs`, {
      method: "POST",
      text: { body: document, contentType: "text/markdown; charset=utf-8" },
      query: agents,
      ...options,
    });
  }

  async heartbeat(key: string, body: HeartbeatBody = {}, options: WriteOptions = {}): Promise<void> {
    await this.send(`/tasks/${seg(key)}/heartbeat`, { method: "POST", json: body, ...options });
  }

  async briefMarkdown(key: string, options: { agent?: string } = {}): Promise<string> {
    const response = await this.send(`/tasks/${seg(key)}/brief`, { query: options, accept: "text/markdown" });
    return response.text();
  }

  brief(key: string, options: { agent?: string } = {}): Promise<Brief> {
    return this.json(`/tasks/${seg(key)}/brief`, { query: options });
  }

  // progress.json, playbooks, batch

  exportProgress(key: string): Promise<ProgressFile> {
    return this.json(`/tasks/${seg(key)}/progress.json`);
  }

  async importProgress(key: string, file: ProgressFileBody): Promise<{ created: boolean; file: ProgressFile }> {
    const response = await this.send(`/tasks/${seg(key)}/progress.json`, { method: "PUT", json: file });
    return { created: response.status === 201, file: (await response.json()) as ProgressFile };
  }

  listPlaybooks(): Promise<{ items: Playbook[] }> {
    return this.json(`/playbooks`);
  }

  /** Up to 1,000 operations; each result is `{status, body}` or `{status, problem}` in request order. */
  async batch(operations: BatchOperation[]): Promise<BatchResult[]> {
    const { results } = await this.json<{ results: BatchResult[] }>(`/batch`, { method: "POST", json: { operations } });
    return results;
  }

  // Plumbing

  private async json<T>(path: string, call: Call = {}): Promise<T> {
    const response = await this.send(path, { accept: "application/json", ...call });
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async send(path: string, call: Call): Promise<Response> {
    const url = `${this.baseUrl}/api/v1${path}${queryString(call.query)}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: call.accept ?? "application/json" };
    let body: string | undefined;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers["content-type"] = "application/json";
    } else if (call.text) {
      body = call.text.body;
      headers["content-type"] = call.text.contentType;
    }
    if (call.idempotencyKey) headers["idempotency-key"] = call.idempotencyKey;
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method: call.method ?? "GET", headers, body, signal: call.signal, redirect: "manual" });
    } catch (error) {
      if (call.signal?.aborted) throw error;
      throw new NetworkError(this.baseUrl, error);
    }
    if (response.ok) return response;
    const text = await response.text();
    throw new ApiError(toProblem(response.status, response.statusText, parseJson(text)));
  }
}

/** A client for `BATON_URL` (default http://127.0.0.1:3000) with `BATON_TOKEN`. */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): BatonClient {
  return new BatonClient({ url: env.BATON_URL || "http://127.0.0.1:3000", token: env.BATON_TOKEN ?? "" });
}

async function pollUntil<T>(timeoutSeconds: number, poll: (wait: number) => Promise<T>, settled: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + Math.max(0, timeoutSeconds) * 1000;
  for (;;) {
    const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    const value = await poll(Math.min(remaining, MAX_WAIT_PER_REQUEST));
    if (settled(value) || Date.now() >= deadline) return value;
  }
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

function queryString(query: Call["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
