// The one dedicated PostgreSQL connection per instance that links it to the others: it LISTENs on Baton's
// channels, sends the notifications that must not wait for a pooled connection, and holds the scheduler's
// session locks. It reconnects with backoff; after a reconnect, handlers catch up on what they may have missed.
import { randomBytes } from "node:crypto";
import pg from "pg";

type Handler = (payload: string) => void;

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;
// A connection that silently died (a half-open socket) must not go unnoticed: a NOTIFY would never arrive.
const HEARTBEAT_MS = 10_000;
const QUERY_TIMEOUT_MS = 5_000;

export class ClusterBus {
  /** Names this process in notifications, so it can tell its own from the others'. */
  readonly instanceId = randomBytes(6).toString("base64url");
  private client: pg.Client | null = null;
  private readonly handlers = new Map<string, Handler>();
  private readonly connectedHandlers: (() => void)[] = [];
  private backoffMs = MIN_BACKOFF_MS;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;
  private firstConnect: Promise<void> | null = null;

  constructor(private readonly connectionString: string) {}

  /** Calls `handler` with the payload of every notification on `channel` (register before `start`). */
  listen(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }

  /** Runs after every (re)connect, once the channels are listened to: time to catch up on what was missed. */
  onConnected(handler: () => void): void {
    this.connectedHandlers.push(handler);
  }

  /** Connects (retrying in the background on failure); resolves after the first attempt either way. */
  start(): Promise<void> {
    this.firstConnect ??= this.connect();
    return this.firstConnect;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Sends a notification now; false when it could not (disconnected): resend after reconnecting. */
  async notify(channel: string, payload: string): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    return client.query("SELECT pg_notify($1, $2)", [channel, payload]).then(
      () => true,
      () => false,
    );
  }

  /**
   * Runs `work` only if no other instance holds the same session-level advisory lock, and returns whether it ran.
   * Without a connection it does not run: the others may be running it.
   */
  async whileLocked(key: readonly [number, number], work: () => Promise<void>): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [...key]);
    if (!rows[0]?.locked) return false;
    try {
      await work();
    } finally {
      // If the connection died meanwhile, the server already released the lock with the session.
      await client.query("SELECT pg_advisory_unlock($1, $2)", [...key]).catch(() => {});
    }
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      keepAlive: true,
      query_timeout: QUERY_TIMEOUT_MS,
      application_name: `baton-bus-${this.instanceId}`,
    });
    client.on("notification", (message) => {
      if (message.payload !== undefined) this.handlers.get(message.channel)?.(message.payload);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      console.error(`[cluster] cannot listen for other instances (retrying in ${this.backoffMs} ms):`, (error as Error).message);
      await client.end().catch(() => {});
      this.retry();
      return;
    }
    this.client = client;
    this.backoffMs = MIN_BACKOFF_MS;
    this.heartbeat = setInterval(() => void client.query("SELECT 1").catch(() => this.lost(client)), HEARTBEAT_MS);
    this.heartbeat.unref();
    for (const handler of this.connectedHandlers) handler();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    void client.end().catch(() => {});
    console.error("[cluster] lost the connection that listens for other instances; reconnecting");
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    // Jitter keeps instances that lost the database together from reconnecting in lockstep.
    const delay = this.backoffMs * (0.5 + Math.random() / 2);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    setTimeout(() => void this.connect(), delay).unref();
  }
}
