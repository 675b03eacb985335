import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../../helpers/fixtures";
import type { Fixtures } from "../../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { errorOf } from "../../helpers/errors";
import { fieldsOf } from "./bad-inputs";
import { accessEntries, fixtureUserFor, inputSchemaOf, privilegedCallerFor, procedureAt, procedureDefinitions, restoreFixtures, settle } from "./procedures";

// Field-level protection: what a caller may not set, whatever keys the input carries. Every mutation
// of appRouter gets its valid input plus the protected keys its schema does not declare (another
// organization, another creator, a balance, an id, timestamps, a role, plan and limits); none of them may
// reach the database. Then the protected fields that some inputs do declare (role, organizationId,
// the platform organization's is_active) are checked against the caller's rank.

const injectedId = 987_654_321;
const epoch = new Date(0);

function injectedKeys(f: Fixtures): Record<string, unknown> {
  const other = f.bayview.id;
  const stranger = String(f.bayviewAdmin.id);
  return {
    organizationId: other,
    organization_id: other,
    createdBy: stranger,
    created_by: stranger,
    modifiedBy: stranger,
    modified_by: stranger,
    userId: stranger,
    creditBalance: "999999.00",
    credit_balance: "999999.00",
    balance: "999999.00",
    planId: f.plan.id,
    plan_id: f.plan.id,
    callConcurrencyLimit: 499,
    isActive: false,
    is_active: false,
    role: "SuperAdmin",
    id: injectedId,
    createdAt: epoch,
    created_at: epoch,
    updatedAt: epoch,
    updated_at: epoch,
    sessionVersion: 99,
    passwordHash: "injected",
    keyHash: "injected",
  };
}

/** Everything those keys could have reached: another organization's rows, forged creators, ids and timestamps, balances, limits, roles. */
async function protectedState(database: TestDatabase, f: Fixtures) {
  const columns = await database.sql(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       AND column_name IN ('organization_id', 'created_by', 'modified_by', 'user_id', 'created_at', 'updated_at', 'id')`,
  );
  const counts: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const where =
      column === "organization_id"
        ? `organization_id = '${f.bayview.id}'`
        : column === "id"
          ? `id::text = '${injectedId}'`
          : column === "created_at" || column === "updated_at"
            ? `${column} < '2000-01-01'`
            : `${column} = ${f.bayviewAdmin.id}`;
    counts.push(`SELECT '${String(table)}.${String(column)}' AS name, count(*)::int AS rows FROM "${String(table)}" WHERE ${where}`);
  }
  const marked = await database.sql(counts.join(" UNION ALL "));
  const organizations = await database.sql(
    `SELECT id, name, credit_balance::text, plan_id, call_concurrency_limit, is_active FROM organization WHERE id IN ($1, $2, $3) ORDER BY id`,
    [f.platform.id, f.sunrise.id, f.bayview.id],
  );
  const superAdmins = await database.sql(`SELECT organization_id, count(*)::int AS users FROM "user" WHERE role = 'SuperAdmin' GROUP BY organization_id ORDER BY organization_id`);
  const fixtureUsers = await database.sql(`SELECT id, role, organization_id FROM "user" WHERE id <= $1 ORDER BY id`, [f.bayviewManager.id]);
  return { marked: Object.fromEntries(marked.map((row) => [row.name, row.rows])), organizations, superAdmins, fixtureUsers };
}

/** The organization limits and balance only the platform sets: an Admin's call never moves them (a super admin's may). */
function withoutPlatformFields(state: Awaited<ReturnType<typeof protectedState>>, caller: "admin" | "superAdmin") {
  return caller === "admin" ? state : { ...state, organizations: state.organizations.map(({ id, name }) => ({ id, name })) };
}

describe.each(databaseKinds)("protected fields on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  const definitions = procedureDefinitions();
  const mutations = Object.keys(definitions)
    .filter((path) => definitions[path]!.type === "mutation")
    .sort();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it.each(mutations)("%s: keys its input does not declare never reach the database", async (path) => {
    const entry = accessEntries[path];
    const caller = entry ? privilegedCallerFor(entry) : null;
    if (!entry || !caller) return;
    const base = await entry.input?.(f, caller, database);
    if (base !== undefined && (typeof base !== "object" || base === null || Array.isArray(base))) return;
    const declared = new Set(fieldsOf(inputSchemaOf(definitions[path]!), base).map((field) => field.path.split(".")[0]));
    const extra = Object.fromEntries(Object.entries(injectedKeys(f)).filter(([key]) => !declared.has(key)));

    const before = await protectedState(database, f);
    const settled = await settle(procedureAt(callerFor(database.db, fixtureUserFor(f, caller)), path)({ ...(base ?? {}), ...extra }));
    // The extra keys are ignored (the call does what the valid input asks) or refused; never a server error.
    if (!settled.ok) expect(settled.error instanceof TRPCError && settled.error.code !== "INTERNAL_SERVER_ERROR", String(settled.error)).toBe(true);
    const after = await protectedState(database, f);
    await restoreFixtures(database, f);

    expect(withoutPlatformFields(after, caller), `${path} as ${caller} with ${Object.keys(extra).join(", ")}`).toEqual(withoutPlatformFields(before, caller));
  });

  describe("fields some inputs declare, limited by the caller's rank", () => {
    const profile = () => ({ name: "Sunrise Motors", email: "service@sunrise.test", phoneSales: "", phoneSupport: "", phoneService: "", description: "", location: "", serviceTypes: [], focusAreas: [], hipaaCompliant: false, pciCompliant: false });

    it("an Admin cannot create a super admin, nor promote anyone to one", async () => {
      const admin = callerFor(database.db, f.sunriseAdmin);
      const created = await errorOf(admin.user.create({ name: "Would be super", email: "would-be-super@sunrise.test", role: "SuperAdmin", passwordMode: "link" }));
      expect(created.code).toBe("FORBIDDEN");
      const promoted = await errorOf(admin.user.update({ id: String(f.sunriseManager.id), name: "manager", role: "SuperAdmin" }));
      expect(promoted.code).toBe("FORBIDDEN");
      expect(await database.db.user.count({ where: { role: "SuperAdmin" } })).toBe(1);
      expect(await database.db.user.findUniqueOrThrow({ where: { id: f.sunriseManager.id } })).toMatchObject({ role: "Manager" });
    });

    it("an Admin cannot create users in another organization: the organizationId is ignored", async () => {
      const admin = callerFor(database.db, f.sunriseAdmin);
      const { user } = await admin.user.create({ organizationId: f.bayview.id, name: "Placed elsewhere", email: "placed-elsewhere@sunrise.test", role: "Manager", passwordMode: "link" });
      expect(await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ organizationId: f.sunrise.id });
    });

    it("a Manager changes no user, role or organization", async () => {
      const manager = callerFor(database.db, f.sunriseManager);
      expect((await errorOf(manager.user.create({ name: "By a manager", email: "by-manager@sunrise.test", role: "Admin", passwordMode: "link" }))).code).toBe("FORBIDDEN");
      expect((await errorOf(manager.user.update({ id: String(f.sunriseManager.id), name: "manager", role: "Admin" }))).code).toBe("FORBIDDEN");
      expect((await errorOf(manager.organization.updateCurrent(profile()))).code).toBe("FORBIDDEN");
      expect(await database.db.user.findUniqueOrThrow({ where: { id: f.sunriseManager.id } })).toMatchObject({ role: "Manager" });
    });

    it("an Admin's profile save leaves plan, limits, balance and suspension as the platform set them", async () => {
      const before = await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id } });
      const admin = callerFor(database.db, f.sunriseAdmin);
      const injected = { planId: null, callConcurrencyLimit: 500, creditBalance: "1000000", isActive: false, id: f.bayview.id, createdAt: epoch };
      await admin.organization.updateCurrent({ ...profile(), location: "Saved with injected keys", ...injected } as Parameters<typeof admin.organization.updateCurrent>[0]);
      const after = await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id } });
      expect(after.location).toBe("Saved with injected keys");
      expect({ planId: after.planId, limit: after.callConcurrencyLimit, balance: after.creditBalance.toFixed(2), isActive: after.isActive, createdAt: after.createdAt }).toEqual({
        planId: before.planId,
        limit: before.callConcurrencyLimit,
        balance: before.creditBalance.toFixed(2),
        isActive: before.isActive,
        createdAt: before.createdAt,
      });
      expect(await database.db.organization.findUniqueOrThrow({ where: { id: f.bayview.id } })).toMatchObject({ name: f.bayview.name });
    });

    it("nobody suspends the platform organization, not even a super admin", async () => {
      const superAdmin = callerFor(database.db, f.superAdmin);
      expect((await errorOf(superAdmin.organization.setActive({ id: f.platform.id, isActive: false }))).code).toBe("BAD_REQUEST");
      expect(await database.db.organization.findUniqueOrThrow({ where: { id: f.platform.id } })).toMatchObject({ isActive: true });
    });

    it("a super admin makes super admins only in the platform organization", async () => {
      const superAdmin = callerFor(database.db, f.superAdmin);
      const refused = await errorOf(superAdmin.user.create({ organizationId: f.sunrise.id, name: "Tenant super", email: "tenant-super@sunrise.test", role: "SuperAdmin", passwordMode: "link" }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(await database.db.user.count({ where: { role: "SuperAdmin", organizationId: { not: f.platform.id } } })).toBe(0);
    });
  });
});
