import { createCaller } from "@/server/api/root";
import { hashPassword } from "@/server/auth/password";
import type { Database } from "@/server/db";
import type { Role } from "@/lib/value-sets";

export const fixturePassword = "correct horse battery staple";

export type FixtureUser = { id: bigint; email: string; role: Role; organizationId: string; sessionVersion: number };

let passwordHash: Promise<string> | undefined;

async function createUser(db: Database, organizationId: string, email: string, role: Role, isActive = true): Promise<FixtureUser> {
  passwordHash ??= hashPassword(fixturePassword);
  const user = await db.user.create({
    data: { organizationId, email, role, isActive, name: email.split("@")[0]!, passwordHash: await passwordHash },
  });
  return { id: user.id, email, role, organizationId, sessionVersion: user.sessionVersion };
}

/** Three organizations as in the demo: the platform, and two service centers that must never see each other. */
export async function createFixtures(db: Database) {
  const plan = await db.plan.create({ data: { name: "Growth", price: "499.00", creditLimit: "200.00", ratePerMinute: "0.1800" } });
  const platform = await db.organization.create({ data: { name: "AutoPulse Platform", email: "platform@autopulse.test" } });
  const sunrise = await db.organization.create({
    data: { name: "Sunrise Motors", email: "service@sunrise.test", planId: plan.id, creditBalance: "842.50", callConcurrencyLimit: 5 },
  });
  const bayview = await db.organization.create({ data: { name: "Bayview Auto Care", email: "hello@bayview.test", creditBalance: "12.40" } });
  return {
    plan,
    platform,
    sunrise,
    bayview,
    superAdmin: await createUser(db, platform.id, "super@autopulse.test", "SuperAdmin"),
    sunriseAdmin: await createUser(db, sunrise.id, "admin@sunrise.test", "Admin"),
    sunriseManager: await createUser(db, sunrise.id, "manager@sunrise.test", "Manager"),
    sunriseFormer: await createUser(db, sunrise.id, "former@sunrise.test", "Manager", false),
    bayviewAdmin: await createUser(db, bayview.id, "admin@bayview.test", "Admin"),
    bayviewManager: await createUser(db, bayview.id, "manager@bayview.test", "Manager"),
  };
}

export type Fixtures = Awaited<ReturnType<typeof createFixtures>>;

/** A tRPC caller signed in as `user` (null: signed out), as the session token would carry it. */
export function callerFor(db: Database, user: FixtureUser | null, options: { actingOrganizationId?: string } = {}) {
  return createCaller({
    db,
    session: user ? { userId: String(user.id), sessionVersion: user.sessionVersion, actingOrganizationId: options.actingOrganizationId ?? null } : null,
  });
}
