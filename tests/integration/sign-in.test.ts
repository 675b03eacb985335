import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth/sign-in";
import { hashPassword } from "@/server/auth/password";
import type { Database } from "@/server/db";
import { createFixtures, fixturePassword } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

const wrongPassword = "Tr0ub4dor&3-not-the-password";

type AuditRow = Awaited<ReturnType<Database["auditLog"]["findMany"]>>[number];

async function lastAuditId(db: Database): Promise<bigint> {
  const last = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

/** Runs `attempt` and returns its result with the audit rows it wrote. */
async function withAuditRows<T>(db: Database, attempt: () => Promise<T>): Promise<{ result: T; rows: AuditRow[] }> {
  const since = await lastAuditId(db);
  const result = await attempt();
  const rows = await db.auditLog.findMany({ where: { id: { gt: since } }, orderBy: { id: "asc" } });
  return { result, rows };
}

function serialized(row: AuditRow): string {
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

async function lastSignInOf(db: Database, userId: bigint): Promise<Date | null> {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { lastSignInAt: true } })).lastSignInAt;
}

describe.each(databaseKinds)("authenticate() on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("returns the user for the right password, audits the sign-in and records when it happened", async () => {
    expect(await lastSignInOf(database.db, f.sunriseManager.id)).toBeNull();
    const startedAt = Date.now();

    const { result, rows } = await withAuditRows(database.db, () => authenticate(database.db, f.sunriseManager.email, fixturePassword));

    expect(result).toEqual({ id: f.sunriseManager.id, name: "manager", email: f.sunriseManager.email, sessionVersion: f.sunriseManager.sessionVersion });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "login",
      entity: "session",
      organizationId: f.sunrise.id,
      userId: f.sunriseManager.id,
      entityId: String(f.sunriseManager.id),
      newValue: { email: f.sunriseManager.email },
    });
    expect(serialized(rows[0]!)).not.toContain(fixturePassword);
    const lastSignInAt = await lastSignInOf(database.db, f.sunriseManager.id);
    expect(lastSignInAt).toBeInstanceOf(Date);
    expect(lastSignInAt!.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(lastSignInAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("returns the new sessionVersion after sessions were ended", async () => {
    await database.db.user.update({ where: { id: f.bayviewManager.id }, data: { sessionVersion: 4 } });
    expect(await authenticate(database.db, f.bayviewManager.email, fixturePassword)).toMatchObject({ id: f.bayviewManager.id, sessionVersion: 4 });
  });

  it("refuses a wrong password, audits it in the user's organization, and leaves lastSignInAt alone", async () => {
    const { result, rows } = await withAuditRows(database.db, () => authenticate(database.db, f.sunriseAdmin.email, wrongPassword));

    expect(result).toBeNull();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "login_fail",
      entity: "session",
      organizationId: f.sunrise.id,
      userId: f.sunriseAdmin.id,
      newValue: { email: f.sunriseAdmin.email, reason: "wrong_password" },
    });
    expect(serialized(rows[0]!)).not.toContain(wrongPassword);
    expect(await lastSignInOf(database.db, f.sunriseAdmin.id)).toBeNull();
  });

  it("refuses an unknown email and audits it outside any organization", async () => {
    const email = "nobody@nowhere.test";
    const { result, rows } = await withAuditRows(database.db, () => authenticate(database.db, email, fixturePassword));

    expect(result).toBeNull();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "login_fail", entity: "session", organizationId: null, userId: null, newValue: { email, reason: "unknown_email" } });
    expect(serialized(rows[0]!)).not.toContain(fixturePassword);
  });

  it("refuses a deactivated user even with the right password", async () => {
    const { result, rows } = await withAuditRows(database.db, () => authenticate(database.db, f.sunriseFormer.email, fixturePassword));

    expect(result).toBeNull();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "login_fail",
      organizationId: f.sunrise.id,
      userId: f.sunriseFormer.id,
      newValue: { email: f.sunriseFormer.email, reason: "user_inactive" },
    });
    expect(serialized(rows[0]!)).not.toContain(fixturePassword);
    expect(await lastSignInOf(database.db, f.sunriseFormer.id)).toBeNull();
  });

  it("refuses the users of a suspended organization, and lets them in again once it is reactivated", async () => {
    const harbor = await database.db.organization.create({ data: { name: "Harbor Tire & Auto", email: "desk@harbor.test", isActive: false } });
    const user = await database.db.user.create({
      data: { organizationId: harbor.id, email: "admin@harbor.test", name: "Harbor Admin", role: "Admin", passwordHash: await hashPassword(fixturePassword) },
    });

    const { result, rows } = await withAuditRows(database.db, () => authenticate(database.db, user.email, fixturePassword));

    expect(result).toBeNull();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "login_fail",
      organizationId: harbor.id,
      userId: user.id,
      newValue: { email: user.email, reason: "organization_suspended" },
    });
    expect(serialized(rows[0]!)).not.toContain(fixturePassword);
    expect(await lastSignInOf(database.db, user.id)).toBeNull();

    await database.db.organization.update({ where: { id: harbor.id }, data: { isActive: true } });
    expect(await authenticate(database.db, user.email, fixturePassword)).toMatchObject({ id: user.id });
  });

  it("never stores the typed password in any audit row", async () => {
    await authenticate(database.db, f.bayviewAdmin.email, wrongPassword);
    await authenticate(database.db, f.bayviewAdmin.email, fixturePassword);
    const rows = await database.db.auditLog.findMany({ where: { entity: "session" } });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      const text = serialized(row);
      expect(text).not.toContain(fixturePassword);
      expect(text).not.toContain(wrongPassword);
      expect(row.oldValue).toBeNull();
      const newValue: unknown = row.newValue;
      expect(typeof newValue === "object" && newValue !== null ? Object.keys(newValue).sort() : newValue).toEqual(row.action === "login" ? ["email"] : ["email", "reason"]);
    }
  });
});
