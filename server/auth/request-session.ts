import { authSecret } from "../secrets";
import { useSecureCookies as secureCookiesSetting } from "../security/session-cookie";
import { claimsOfToken, decodeSessionToken, plainSessionCookie, secureSessionCookie } from "./session-token";
import type { SessionClaims } from "./session-user";

function cookieValue(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

/** The cookie Auth.js reads: Secure-prefixed when it sets cookies Secure (configured, or the request came over https). */
function sessionCookieName(headers: Headers): string {
  const configured = secureCookiesSetting();
  if (configured !== undefined) return configured ? secureSessionCookie : plainSessionCookie;
  const protocol = (headers.get("x-forwarded-proto") ?? "https").split(",")[0]!.trim().replace(/:$/, "");
  return protocol === "https" ? secureSessionCookie : plainSessionCookie;
}

/**
 * The session claims of a request, read from its cookie as Auth.js's `auth()` reads them (same cookie,
 * same decoding, same lifetime rules as the jwt callback) but without re-encrypting a token that nobody
 * receives. `undefined` when the token is split into chunks, which only Auth.js reassembles.
 */
export async function requestSessionClaims(headers: Headers, now: number = Date.now(), secret: string = authSecret()): Promise<SessionClaims | null | undefined> {
  const cookieHeader = headers.get("cookie") ?? "";
  const name = sessionCookieName(headers);
  const token = cookieValue(cookieHeader, name);
  if (!token) return new RegExp(`(^|;)\\s*${name.replace(/[.]/g, "\\.")}\\.\\d+=`).test(cookieHeader) ? undefined : null;
  const payload = await decodeSessionToken(token, secret, name, now);
  return payload ? claimsOfToken(payload, now) : null;
}
