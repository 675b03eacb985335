import type { Database } from "../db";

export const throttleWindowMs = 15 * 60 * 1000;
export const maxFailuresPerEmail = 10;
export const maxFailuresPerIp = 30;

export type AttemptVerdict = { allowed: true; attemptId: bigint } | { allowed: false; retryAfterMinutes: number };

export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase().slice(0, 150);
}

/**
 * Records a sign-in attempt as failed before the password is checked, then counts the failures of
 * the last 15 minutes for its email and its IP address. Because every attempt's own row is written
 * before it counts, concurrent attempts on any number of app instances see each other: at most 10
 * per email (30 per address) ever reach the password check in a window. A refused attempt's row
 * is removed again, so "try again in N minutes" stays true while someone keeps knocking.
 */
export async function beginSignInAttempt(db: Database, email: string, ip: string | null, now: Date = new Date()): Promise<AttemptVerdict> {
  const emailKey = emailKeyOf(email);
  const since = new Date(now.getTime() - throttleWindowMs);
  await db.signInAttempt.deleteMany({ where: { createdAt: { lt: since } } });
  const attempt = await db.signInAttempt.create({ data: { emailKey, ip, createdAt: now }, select: { id: true } });
  const earlierFailures = (where: { emailKey: string } | { ip: string }) =>
    db.signInAttempt.findMany({
      where: { ...where, succeeded: false, createdAt: { gt: since }, id: { not: attempt.id } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
  const byEmail = await earlierFailures({ emailKey });
  const byIp = ip ? await earlierFailures({ ip }) : [];
  const retryAt = Math.max(reopensAt(byEmail, maxFailuresPerEmail), reopensAt(byIp, maxFailuresPerIp));
  if (retryAt <= now.getTime()) return { allowed: true, attemptId: attempt.id };
  await db.signInAttempt.delete({ where: { id: attempt.id } });
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((retryAt - now.getTime()) / 60_000)) };
}

/** When the failures fall below the limit again: once the oldest ones that put them over leave the window. */
function reopensAt(failures: { createdAt: Date }[], limit: number): number {
  if (failures.length < limit) return 0;
  return failures[failures.length - limit]!.createdAt.getTime() + throttleWindowMs;
}

export async function markSignInSucceeded(db: Database, attemptId: bigint): Promise<void> {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
