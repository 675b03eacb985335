import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth/sign-in";
import { loadSessionUser } from "@/server/auth/session-user";
import { startActing, stopActing } from "@/server/services/act-as";
import { callerFor, createFixtures, fixturePassword } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const newOrganization = {
  name: "Lakeside Auto",
  email: "Service@Lakeside.test",
  phoneSales: "(614) 555-0199",
  phoneSupport: "",
  phoneService: "",
  description: "",
  location: "Toledo, OH",
  serviceTypes: ["Oil change"],
  focusAreas: [],
  hipaaCompliant: false,
  pciCompliant: true,
  callConcurrencyLimit: 4,
  planId: null,
};

describe.each(databaseKinds)("super-admin console on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  describe("plans", () => {
    it("creates plans with exact decimals and an audit row, and refuses duplicate names on the field", async () => {
      const asSuper = callerFor(database.db, f.superAdmin);
      const plan = await asSuper.plan.create({ name: "Starter", price: "99.99", creditLimit: "50.00", ratePerMinute: "0.1234", description: "" });
      expect(plan.price.toFixed(2)).toBe("99.99");
      expect(plan.ratePerMinute.toFixed(4)).toBe("0.1234");
      const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "plan", entityId: String(plan.id) } });
      expect(audit).toMatchObject({ action: "create", userId: f.superAdmin.id, organizationId: f.platform.id });
      const duplicate = await errorOf(asSuper.plan.create({ name: "Starter", price: "1", creditLimit: "0", ratePerMinute: "0", description: "" }));
      expect(duplicate.code).toBe("CONFLICT");
      expect((duplicate.cause as { fields?: string[] } | undefined)?.fields).toContain("name");
    });

    it("rejects floats written as text and negative amounts with BAD_REQUEST naming the field", async () => {
      const error = await errorOf(callerFor(database.db, f.superAdmin).plan.create({ name: "Bad", price: "-1", creditLimit: "1e3", ratePerMinute: "0.12345", description: "" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/price/);
    });

    it("refuses to delete a plan in use, saying what holds it", async () => {
      const error = await errorOf(callerFor(database.db, f.superAdmin).plan.delete({ id: f.plan.id }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toContain("1 organization");
      expect(await database.db.plan.count({ where: { id: f.plan.id } })).toBe(1);
    });

    it("is refused to Admins", async () => {
      expect((await errorOf(callerFor(database.db, f.sunriseAdmin).plan.list())).code).toBe("FORBIDDEN");
    });
  });

  describe("organizations", () => {
    it("creates an organization with normalized email and phones, and a duplicate name or email is a CONFLICT on that field", async () => {
      const asSuper = callerFor(database.db, f.superAdmin);
      const created = await asSuper.organization.create(newOrganization);
      expect(created).toMatchObject({ email: "service@lakeside.test", phoneSales: "+16145550199", callConcurrencyLimit: 4, isActive: true });
      const audit = await database.db.auditLog.findFirstOrThrow({ where: { organizationId: created.id, entity: "organization", action: "create" } });
      expect(audit.userId).toBe(f.superAdmin.id);
      const byEmail = await errorOf(asSuper.organization.create({ ...newOrganization, name: "Other name" }));
      expect(byEmail.code).toBe("CONFLICT");
      expect(byEmail.message).toContain("email");
    });

    it("validates the concurrency limit (1–500)", async () => {
      const error = await errorOf(callerFor(database.db, f.superAdmin).organization.create({ ...newOrganization, name: "Too many", email: "too@many.test", callConcurrencyLimit: 501 }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain("callConcurrencyLimit");
    });

    it("lists with search, plan and status filters, sort and paging, with users and recent calls counted", async () => {
      const asSuper = callerFor(database.db, f.superAdmin);
      const byEmail = await asSuper.organization.list({ search: "BAYVIEW" });
      expect(byEmail.items.map((row) => row.name)).toEqual(["Bayview Auto Care"]);
      expect(byEmail.items[0]!.userCount).toBe(2);
      const onPlan = await asSuper.organization.list({ planId: f.plan.id });
      expect(onPlan.items.map((row) => row.id)).toEqual([f.sunrise.id]);
      const byBalance = await asSuper.organization.list({ sort: "creditBalance", direction: "desc", pageSize: 1 });
      expect(byBalance.items[0]!.id).toBe(f.sunrise.id);
      expect(byBalance.total).toBeGreaterThanOrEqual(4);
      const secondPage = await asSuper.organization.list({ sort: "creditBalance", direction: "desc", pageSize: 1, page: 2 });
      expect(secondPage.items[0]!.id).not.toBe(f.sunrise.id);
    });

    it("suspends an organization: its users cannot sign in and their sessions end; the platform organization cannot be suspended", async () => {
      const asSuper = callerFor(database.db, f.superAdmin);
      const platform = await errorOf(asSuper.organization.setActive({ id: f.platform.id, isActive: false }));
      expect(platform.code).toBe("BAD_REQUEST");
      await asSuper.organization.setActive({ id: f.bayview.id, isActive: false });
      expect(await authenticate(database.db, f.bayviewAdmin.email, fixturePassword)).toBeNull();
      const session = { userId: String(f.bayviewAdmin.id), sessionVersion: f.bayviewAdmin.sessionVersion };
      expect(await loadSessionUser(database.db, session)).toBeNull();
      expect((await errorOf(callerFor(database.db, f.bayviewAdmin).organization.current())).code).toBe("UNAUTHORIZED");
      await asSuper.organization.setActive({ id: f.bayview.id, isActive: true });
      expect(await authenticate(database.db, f.bayviewAdmin.email, fixturePassword)).not.toBeNull();
      const audits = await database.db.auditLog.findMany({ where: { organizationId: f.bayview.id, entity: "organization", action: "update" }, orderBy: { id: "asc" } });
      expect(audits.map((row) => row.newValue)).toEqual([{ isActive: false }, { isActive: true }]);
    });

    it("shows one organization with its users, credit history, payments and activity", async () => {
      const asSuper = callerFor(database.db, f.superAdmin);
      await asSuper.organization.adjustCredits({ organizationId: f.sunrise.id, direction: "add", amount: "7.50", reason: "Goodwill" });
      const detail = await asSuper.organization.byId({ id: f.sunrise.id });
      expect(detail.users.map((user) => user.email)).toContain(f.sunriseManager.email);
      expect(detail.creditHistory[0]).toMatchObject({ kind: "manual", reason: "Goodwill" });
      expect(detail.creditHistory[0]!.amount.toFixed(2)).toBe("7.50");
      expect(detail.isPlatform).toBe(false);
      expect((await errorOf(asSuper.organization.byId({ id: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
    });
  });

  describe("act as an organization", () => {
    it("records the start and end in the entered organization's audit log, and org procedures then serve that organization", async () => {
      const superUser = await loadSessionUser(database.db, { userId: String(f.superAdmin.id), sessionVersion: f.superAdmin.sessionVersion });
      await expect(startActing(database.db, superUser, { organizationId: f.sunrise.id, reason: "" })).rejects.toThrow();
      const entered = await startActing(database.db, superUser, { organizationId: f.sunrise.id, reason: "Ticket 4821: campaign question" });
      expect(entered.name).toBe("Sunrise Motors");
      const start = await database.db.auditLog.findFirstOrThrow({ where: { organizationId: f.sunrise.id, action: "act_start" } });
      expect(start).toMatchObject({ userId: f.superAdmin.id, newValue: { reason: "Ticket 4821: campaign question", actor: f.superAdmin.email } });

      const acting = callerFor(database.db, f.superAdmin, { actingOrganizationId: f.sunrise.id });
      expect((await acting.organization.current()).id).toBe(f.sunrise.id);
      expect((await acting.user.list({})).every((user) => user.organizationId === f.sunrise.id)).toBe(true);

      const actingUser = await loadSessionUser(database.db, { userId: String(f.superAdmin.id), sessionVersion: f.superAdmin.sessionVersion, actingOrganizationId: f.sunrise.id });
      expect(await stopActing(database.db, actingUser)).toBe(f.sunrise.id);
      expect(await database.db.auditLog.count({ where: { organizationId: f.sunrise.id, action: "act_end", userId: f.superAdmin.id } })).toBe(1);
    });

    it("is refused to everyone but super admins, and an Admin's acting claim is ignored", async () => {
      const admin = await loadSessionUser(database.db, { userId: String(f.bayviewAdmin.id), sessionVersion: f.bayviewAdmin.sessionVersion });
      await expect(startActing(database.db, admin, { organizationId: f.sunrise.id, reason: "Curious" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const claimed = callerFor(database.db, f.bayviewAdmin, { actingOrganizationId: f.sunrise.id });
      expect((await claimed.organization.current()).id).toBe(f.bayview.id);
    });
  });
});
