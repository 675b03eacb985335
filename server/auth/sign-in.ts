import { throttledMessage } from "@/lib/validation/auth";
import type { Database } from "../db";
import { recordAudit } from "../services/audit";
import { dummyPasswordHash, verifyPassword } from "./password";
import { beginSignInAttempt, markSignInSucceeded } from "./throttle";

export type AuthenticatedUser = { id: bigint; name: string; email: string; sessionVersion: number };

/** Too many failed attempts for this email or address: the password was not even checked. */
export class SignInThrottled extends Error {
  constructor(readonly retryAfterMinutes: number) {
    super(throttledMessage(retryAfterMinutes));
    this.name = "SignInThrottled";
  }
}

export type SignInClient = { ip?: string | null; now?: Date };

/**
 * Checks an email and password. Returns the user, or null for every kind of refusal (unknown
 * email, wrong password, deactivated user, suspended organization), and audits both outcomes.
 * Throws SignInThrottled (also audited) after too many failures for the email or the address.
 */
export async function authenticate(db: Database, email: string, password: string, client: SignInClient = {}): Promise<AuthenticatedUser | null> {
  const verdict = await beginSignInAttempt(db, email, client.ip ?? null, client.now);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, isActive: true, role: true, sessionVersion: true, organizationId: true, organization: { select: { isActive: true } } },
  });
  const auditFailure = (reason: string) =>
    recordAudit(db, { organizationId: user?.organizationId ?? null, userId: user?.id ?? null, entity: "session", action: "login_fail", newValue: { email, reason } });
  if (!verdict.allowed) {
    await auditFailure("throttled");
    throw new SignInThrottled(verdict.retryAfterMinutes);
  }
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const organizationActive = user?.organization.isActive || user?.role === "SuperAdmin";
  if (!user || !passwordMatches || !user.isActive || !organizationActive) {
    await auditFailure(!user ? "unknown_email" : !passwordMatches ? "wrong_password" : !user.isActive ? "user_inactive" : "organization_suspended");
    return null;
  }
  await markSignInSucceeded(db, verdict.attemptId);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } }),
    db.auditLog.create({ data: { organizationId: user.organizationId, userId: user.id, entity: "session", entityId: String(user.id), action: "login", newValue: { email } } }),
  ]);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
