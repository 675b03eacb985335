// How long a session lives. Pure functions (no database, no Next): used by the Auth.js callbacks,
// the per-request session check and proxy.ts, and testable with any clock.

export const sessionIdleMs = 12 * 60 * 60 * 1000;
export const sessionAbsoluteMs = 7 * 24 * 60 * 60 * 1000;
/** Activity moves lastSeenAt at most this often, so that not every request rewrites the cookie. */
export const lastSeenRefreshMs = 5 * 60 * 1000;

/** Epoch milliseconds, carried in the session token. */
export type SessionTimes = { signedInAt?: number; lastSeenAt?: number };

export type SessionExpiry = "idle" | "absolute" | null;

/** Why the session has ended at `now`, or null while it holds. A token without the times has ended. */
export function sessionExpiry(times: SessionTimes, now: number = Date.now()): SessionExpiry {
  const { signedInAt, lastSeenAt } = times;
  if (typeof signedInAt !== "number" || typeof lastSeenAt !== "number") return "absolute";
  if (now - signedInAt >= sessionAbsoluteMs || signedInAt > now + 60_000) return "absolute";
  if (now - lastSeenAt >= sessionIdleMs) return "idle";
  return null;
}

/** The moment the session ends if nothing happens in between: the earlier of the idle and the absolute end. */
export function sessionEndsAt(times: Required<SessionTimes>): number {
  return Math.min(times.signedInAt + sessionAbsoluteMs, times.lastSeenAt + sessionIdleMs);
}

/** The times after a request at `now`, or null when the session has ended. */
export function touchSession<T extends SessionTimes>(token: T, now: number = Date.now()): (T & Required<SessionTimes>) | null {
  if (sessionExpiry(token, now)) return null;
  const lastSeenAt = now - token.lastSeenAt! >= lastSeenRefreshMs ? now : token.lastSeenAt!;
  return { ...token, signedInAt: token.signedInAt!, lastSeenAt };
}
