// Which `Origin` a cookie-authenticated write may come from.
import { publicUrl } from "@/lib/server/config";

/**
 * The configured public origin, or the origin of the Host the request was sent to (a person who opened
 * http://localhost:3000 while Baton is configured as 127.0.0.1). Trusting the Host header here is safe,
 * unlike for links: a cross-site page cannot choose the Origin its browser sends, and a page that makes
 * Origin and Host agree by DNS rebinding is on a host name the session cookie was never set for, so the
 * request carries no session to misuse. Nothing is built from the Host header; it is only compared.
 */
export function isOwnOrigin(request: Request, origin: string): boolean {
  if (origin === publicUrl()) return true;
  const host = request.headers.get("host");
  return host !== null && origin === `http://${host}`;
}
