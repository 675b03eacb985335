import type { Database } from "../db";
import { recordAudit } from "../services/audit";
import { dummyPasswordHash, verifyPassword } from "./password";

export type AuthenticatedUser = { id: bigint; name: string; email: string; sessionVersion: number };

/**
 * Checks an email and password. Returns the user, or null for every kind of refusal (unknown
 * email, wrong password, deactivated user, suspended organization), and audits both outcomes.
 */
export async function authenticate(db: Database, email: string, password: string): Promise<AuthenticatedUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, isActive: true, role: true, sessionVersion: true, organizationId: true, organization: { select: { isActive: true } } },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const organizationActive = user?.organization.isActive || user?.role === "SuperAdmin";
  if (!user || !passwordMatches || !user.isActive || !organizationActive) {
    const reason = !user ? "unknown_email" : !passwordMatches ? "wrong_password" : !user.isActive ? "user_inactive" : "organization_suspended";
    await recordAudit(db, {
      organizationId: user?.organizationId ?? null,
      userId: user?.id ?? null,
      entity: "session",
      action: "login_fail",
      newValue: { email, reason },
    });
    return null;
  }
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } }),
    db.auditLog.create({ data: { organizationId: user.organizationId, userId: user.id, entity: "session", entityId: String(user.id), action: "login", newValue: { email } } }),
  ]);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
