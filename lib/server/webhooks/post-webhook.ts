// One signed POST of a webhook body to its receiver, with what the receiver answered. Shared by the delivery
// outbox and the test message, so both send exactly the same headers.
import { SIGNATURE_HEADER, signPayload } from "@/lib/server/webhooks/sign";

const DEFAULT_TIMEOUT_MS = 10_000;

export type PostOutcome = { ok: boolean; status: number | null; error: string | null };

export async function postWebhook(
  url: string,
  body: string,
  secret: string,
  headers: Record<string, string>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<PostOutcome> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Baton-Webhooks/1",
        [SIGNATURE_HEADER]: signPayload(secret, body, timestamp),
        ...headers,
      },
      body,
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true, status: response.status, error: null };
    return { ok: false, status: response.status, error: `The receiver answered ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, status: null, error: cause ? `${(error as Error).message} (${cause})` : (error as Error).message };
  }
}
