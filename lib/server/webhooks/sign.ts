// Webhook signatures: `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
// the scheme Stripe uses, so receivers can reject replays by checking t.
import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/server/auth/secrets";

export const SIGNATURE_HEADER = "Baton-Signature";

export function signPayload(secret: string, body: string, timestampSeconds: number): string {
  const digest = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`, "utf8").digest("hex");
  return `t=${timestampSeconds},v1=${digest}`;
}

/** What a receiver does: recompute and compare in constant time, within a tolerance for clock skew. */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1 || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  return safeEqual(signPayload(secret, body, timestamp), `t=${timestamp},v1=${parts.v1}`);
}
