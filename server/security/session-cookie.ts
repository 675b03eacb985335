import { encode } from "next-auth/jwt";
import type { NextRequest, NextResponse } from "next/server";
import { sessionEndsAt, touchSession } from "../auth/session-lifetime";
import { decodeSessionToken, plainSessionCookie, secureSessionCookie } from "../auth/session-token";

export { plainSessionCookie, secureSessionCookie };

/**
 * Whether Auth.js marks the session cookie Secure (and names it __Secure-…). AUTH_SECURE_COOKIES=1/0 decides
 * outright; otherwise an https AUTH_URL means yes and an http one no; without either, Auth.js decides per
 * request from the protocol (x-forwarded-proto), so `npm start` on http://localhost still signs in.
 */
export function useSecureCookies(env: Record<string, string | undefined> = process.env): boolean | undefined {
  const flag = env.AUTH_SECURE_COOKIES?.trim().toLowerCase();
  if (flag === "1" || flag === "true") return true;
  if (flag === "0" || flag === "false") return false;
  const url = env.AUTH_URL || env.NEXTAUTH_URL;
  if (url) return url.startsWith("https://");
  return undefined;
}

export type SessionCookieCheck =
  | { state: "none" }
  | { state: "ended"; cookieName: string }
  /** `renewed` is the token to write back when the activity moved lastSeenAt. */
  | { state: "active"; renewed?: { cookieName: string; value: string; expires: Date } };

/**
 * Reads the session cookie in proxy.ts: a session that ran out (idle or absolute) has ended; an active one
 * gets lastSeenAt moved forward (at most every few minutes) and its cookie re-issued to expire when the
 * session would. Revocation (password change, deactivation) is checked later against the database.
 */
export async function checkSessionCookie(request: NextRequest, secret: string, now: number = Date.now()): Promise<SessionCookieCheck> {
  const cookieName = [secureSessionCookie, plainSessionCookie].find((name) => request.cookies.has(name));
  if (!cookieName) {
    // A token split into chunks (name.0, name.1) is far larger than ours: leave it to Auth.js.
    const chunked = request.cookies.getAll().some((cookie) => /^(__Secure-)?authjs\.session-token\.\d+$/.test(cookie.name));
    return chunked ? { state: "active" } : { state: "none" };
  }
  const token = await decodeSessionToken(request.cookies.get(cookieName)!.value, secret, cookieName, now);
  const touched = token ? touchSession(token, now) : null;
  if (!token || !touched) return { state: "ended", cookieName };
  if (touched.lastSeenAt === token.lastSeenAt) return { state: "active" };
  const endsAt = sessionEndsAt(touched);
  const value = await encode({ token: touched, secret, salt: cookieName, maxAge: Math.ceil((endsAt - now) / 1000) });
  return { state: "active", renewed: { cookieName, value, expires: new Date(endsAt) } };
}

const cookieOptions = (cookieName: string) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: cookieName === secureSessionCookie });

export function applySessionCookie(response: NextResponse, check: SessionCookieCheck): void {
  // A __Secure- cookie is only replaced by one that is Secure too, so the same options clear it.
  if (check.state === "ended") response.cookies.set(check.cookieName, "", { ...cookieOptions(check.cookieName), maxAge: 0 });
  if (check.state !== "active" || !check.renewed) return;
  const { cookieName, value, expires } = check.renewed;
  response.cookies.set(cookieName, value, { ...cookieOptions(cookieName), expires });
}
