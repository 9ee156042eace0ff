// What every command works with: the client for BATON_URL/BATON_TOKEN, the offline queue, and the output mode.
// Before a command talks to the server it sends whatever waits in the queue, so writes stay in order.
import { ApiError, clientFromEnv, NetworkError, type BatonClient, type BatchOperation } from "@/lib/client/baton-client";
import { flushQueue, type FlushReport } from "@/cli/queue/flush-queue";
import { defaultQueueFile, newIdempotencyKey, OfflineQueue } from "@/cli/queue/offline-queue";
import { warn } from "@/cli/io";

export type Written<T> = { sent: T } | { queued: { idempotencyKey: string; waiting: number; queue: string } };

export class CliSession {
  readonly client: BatonClient;
  readonly queue: OfflineQueue;

  constructor(
    readonly json: boolean,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.client = clientFromEnv(env);
    this.queue = new OfflineQueue(defaultQueueFile(env));
  }

  /** Sends the queue first (throws NetworkError when the server cannot be reached). */
  async flush(): Promise<FlushReport> {
    const report = await flushQueue(this.client, this.queue);
    for (const refusal of report.refused) {
      warn(`a queued ${refusal.entry.operation.op} for ${refusal.entry.operation.task} was refused (${refusal.status}): ${refusal.detail} — kept in ${this.queue.rejectedFile}`);
    }
    return report;
  }

  /** For commands that need the server: the queue goes first, then `call`. */
  async online<T>(call: (client: BatonClient) => Promise<T>): Promise<T> {
    await this.flushFirst();
    return call(this.client);
  }

  private async flushFirst(): Promise<void> {
    const { sent } = await this.flush();
    if (sent > 0) warn(`sent ${sent} queued write${sent === 1 ? "" : "s"} from ${this.queue.file} first.`);
  }

  /**
   * For checkpoint, note, heartbeat, phase and block. The write goes through `POST /batch` with an idempotency key
   * whether it is sent now or later from the queue, so a write whose answer was lost and that then went to the
   * queue is still applied once. When the server cannot be reached the write is queued and the command succeeds,
   * with a warning.
   */
  async writeOrQueue<T>(operation: Omit<BatchOperation, "idempotencyKey">): Promise<Written<T>> {
    const idempotencyKey = newIdempotencyKey();
    try {
      await this.flushFirst();
      const [result] = await this.client.batch([{ ...operation, idempotencyKey }]);
      if ("problem" in result) throw new ApiError(result.problem);
      // A batch item's body is what the operation's own endpoint answers.
      return { sent: result.body as T };
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      const waiting = await this.queue.append({ idempotencyKey, queuedAt: new Date().toISOString(), operation });
      warn(`${error.message}. Queued the ${operation.op} for ${operation.task} (${waiting} waiting in ${this.queue.file}); \`baton flush\` sends it.`);
      return { queued: { idempotencyKey, waiting, queue: this.queue.file } };
    }
  }
}
