// Tells the other instances the latest value of a number that only grows (the event log's last seq): one
// notification in flight at a time, values that arrive meanwhile summed up in the next one.
import type { ClusterBus } from "@/lib/server/cluster/cluster-bus";

export class LatestNotice {
  private latest = 0;
  private sent = 0;
  private sending = false;

  constructor(
    private readonly bus: ClusterBus,
    private readonly channel: string,
    private readonly payload: (value: number) => string,
  ) {}

  send(value: number): void {
    this.latest = Math.max(this.latest, value);
    void this.flush();
  }

  /** Sends the latest value again (after a reconnect: what was sent while disconnected never left). */
  resend(): void {
    this.sent = 0;
    void this.flush();
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.latest > this.sent && this.bus.connected) {
        const value = this.latest;
        if (await this.bus.notify(this.channel, this.payload(value))) this.sent = value;
        else break;
      }
    } finally {
      this.sending = false;
    }
  }
}
