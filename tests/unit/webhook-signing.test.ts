import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "@/lib/server/webhooks/sign";
import { MAX_ATTEMPTS, nextRetryDelayMs } from "@/lib/server/webhooks/backoff";

describe("webhook signatures", () => {
  it("signs `${t}.${body}` with HMAC-SHA256 in the Baton-Signature format", () => {
    const expected = createHmac("sha256", "secret").update('1700000000.{"a":1}').digest("hex");
    expect(signPayload("secret", '{"a":1}', 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("verifies a genuine signature and refuses a changed body, a wrong secret and an old timestamp", () => {
    const header = signPayload("secret", "body", 1_700_000_000);
    expect(verifySignature("secret", "body", header, 1_700_000_010)).toBe(true);
    expect(verifySignature("secret", "body!", header, 1_700_000_010)).toBe(false);
    expect(verifySignature("other", "body", header, 1_700_000_010)).toBe(false);
    expect(verifySignature("secret", "body", header, 1_700_001_000)).toBe(false);
    expect(verifySignature("secret", "body", "garbage", 1_700_000_000)).toBe(false);
  });
});

describe("webhook retry backoff", () => {
  it("doubles the delay after each failure, caps it, and gives up after the last attempt", () => {
    expect([1, 2, 3, 4].map((attempts) => nextRetryDelayMs(attempts, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(nextRetryDelayMs(7, 3_600_000)).toBe(3_600_000);
    expect(nextRetryDelayMs(MAX_ATTEMPTS, 1000)).toBeNull();
  });
});
