// Demo data for development and first start: the platform organization with its super admin,
// and two service centers (Sunrise Motors, Bayview Auto Care) with ~60 days of activity.
// Idempotent: an organization that already exists by name is left alone.
import { hashPassword } from "../server/auth/password";
import type { Database } from "../server/db";
import { writeDemoAudio } from "./seed/audio";
import { bayviewAutoCare } from "./seed/bayview";
import { seedServiceCenter } from "./seed/service-center";
import type { SharedSeedData } from "./seed/service-center";
import { sunriseMotors } from "./seed/sunrise";

const demoPassword = "demo-password";

const plans = [
  { name: "Starter", price: "199.00", creditLimit: "50.00", ratePerMinute: "0.2500", description: "For a single service lane: one campaign at a time, two concurrent calls." },
  { name: "Growth", price: "499.00", creditLimit: "200.00", ratePerMinute: "0.1800", description: "For busy dealership service departments: unlimited campaigns, DMS sync." },
  { name: "Enterprise", price: "1499.00", creditLimit: "1000.00", ratePerMinute: "0.1200", description: "For dealer groups: volume pricing, priority support, custom integrations." },
] as const;

const platform = {
  name: "AutoPulse Platform",
  email: "platform@autopulse.test",
  description: "Operator of the AutoPulse platform.",
  superAdmin: { email: "super@autopulse.test", name: "Sam Super" },
};

async function upsertPlans(db: Database): Promise<SharedSeedData["plans"]> {
  const result: SharedSeedData["plans"] = new Map();
  for (const plan of plans) {
    const row = await db.plan.upsert({ where: { name: plan.name }, create: { ...plan }, update: {}, select: { id: true, price: true, ratePerMinute: true } });
    result.set(plan.name, { id: row.id, price: row.price.toFixed(2), ratePerMinute: row.ratePerMinute.toFixed(4) });
  }
  return result;
}

/** The platform organization and its super admin; returns the super admin's id and whether anything was created. */
async function seedPlatform(db: Database, passwordHash: () => Promise<string>, now: Date): Promise<{ superAdminId: bigint; created: boolean }> {
  const existing = await db.user.findUnique({ where: { email: platform.superAdmin.email }, select: { id: true } });
  if (existing) return { superAdminId: existing.id, created: false };
  const organization =
    (await db.organization.findUnique({ where: { name: platform.name }, select: { id: true } })) ??
    (await db.organization.create({
      data: { name: platform.name, email: platform.email, description: platform.description, createdAt: new Date(now.getTime() - 365 * 86_400_000) },
      select: { id: true },
    }));
  const lastSignInAt = new Date(now.getTime() - 2 * 3_600_000);
  const superAdmin = await db.user.create({
    data: { organizationId: organization.id, name: platform.superAdmin.name, email: platform.superAdmin.email, passwordHash: await passwordHash(), role: "SuperAdmin", lastSignInAt },
    select: { id: true },
  });
  await db.setting.createMany({ data: [{ organizationId: organization.id, key: "timezone", value: "America/New_York" }], skipDuplicates: true });
  await db.auditLog.create({
    data: { organizationId: organization.id, userId: superAdmin.id, entity: "user", entityId: String(superAdmin.id), action: "login", timestamp: lastSignInAt, newValue: { email: platform.superAdmin.email } },
  });
  return { superAdminId: superAdmin.id, created: true };
}

export async function seedDemoData(db: Database): Promise<{ created: boolean }> {
  const now = new Date();
  // argon2 is slow on purpose: hash once, and only when a user is actually created.
  let hash: Promise<string> | undefined;
  const passwordHash = () => (hash ??= hashPassword(demoPassword));

  const planIds = await upsertPlans(db);
  const { superAdminId, created: platformCreated } = await seedPlatform(db, passwordHash, now);
  const shared: SharedSeedData = { now, passwordHash, plans: planIds, superAdminId };
  let created = platformCreated;
  const seededOrganizations: string[] = [];
  for (const profile of [sunriseMotors, bayviewAutoCare]) {
    if (await seedServiceCenter(db, profile, shared)) seededOrganizations.push(profile.name);
  }
  created = seededOrganizations.length > 0 || created;
  await writeDemoAudio(db, (await db.organization.findMany({ where: { name: { in: seededOrganizations } }, select: { id: true } })).map((organization) => organization.id));
  return { created };
}
