import { decode } from "next-auth/jwt";
import type { JWT } from "next-auth/jwt";
import { touchSession } from "./session-lifetime";
import type { SessionClaims } from "./session-user";

// Auth.js names its session cookie with the __Secure- prefix when it sets it with Secure.
export const secureSessionCookie = "__Secure-authjs.session-token";
export const plainSessionCookie = "authjs.session-token";

// Decrypting the session token (HKDF key derivation + JWE) costs about a millisecond of CPU, and the
// same token comes back on every request until it is renewed: the decoded payload is kept per token
// value. Safe because a token is immutable and signed; it is still checked for expiry on every use,
// and revocation (password change, deactivation, suspension) is checked against the database.
const decodedTokens = new Map<string, JWT>();
const maxDecodedTokens = 1000;
let decodedWithSecret: string | null = null;

/** The token's payload, or null when it is not a valid token for this secret and cookie name (or has expired). */
export async function decodeSessionToken(token: string, secret: string, cookieName: string, now: number = Date.now()): Promise<JWT | null> {
  if (decodedWithSecret !== secret) {
    decodedTokens.clear();
    decodedWithSecret = secret;
  }
  const key = `${cookieName}\u0000${token}`;
  const cached = decodedTokens.get(key);
  if (cached) {
    if (typeof cached.exp === "number" && cached.exp * 1000 <= now) {
      decodedTokens.delete(key);
      return null;
    }
    return cached;
  }
  const payload = await decode({ token, secret, salt: cookieName }).catch(() => null);
  if (!payload) return null;
  if (decodedTokens.size >= maxDecodedTokens) decodedTokens.delete(decodedTokens.keys().next().value!);
  decodedTokens.set(key, payload);
  return payload;
}

/** The claims a live session token carries (as the Auth.js session callback maps them), or null when it has ended. */
export function claimsOfToken(token: JWT, now: number = Date.now()): SessionClaims | null {
  const touched = touchSession(token, now);
  if (!touched) return null;
  return {
    userId: touched.userId ?? "",
    sessionVersion: touched.sessionVersion ?? -1,
    actingOrganizationId: touched.actingOrganizationId ?? null,
    signedInAt: touched.signedInAt,
    lastSeenAt: touched.lastSeenAt,
  };
}
