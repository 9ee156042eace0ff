// Random secrets and their stored form (sha256; tokens are high-entropy, so no slow hash is needed).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export type TokenScope = "agent" | "admin";

export function generateToken(scope: TokenScope): string {
  return `baton_${scope === "admin" ? "adm" : "agt"}_${randomBytes(24).toString("base64url")}`;
}

export function generateId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function tokenPrefix(token: string): string {
  return token.slice(0, 14);
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
