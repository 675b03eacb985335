import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import {
  authedProcedure,
  createCallerFactory,
  createTRPCRouter,
  orgAdminProcedure,
  orgProcedure,
  publicProcedure,
  superAdminProcedure,
} from "@/server/api/trpc";
import type { SessionClaims } from "@/server/auth/session-user";
import type { Database } from "@/server/db";
import type { Role } from "@/lib/value-sets";
import { createFixtures } from "../helpers/fixtures";
import type { Fixtures, FixtureUser } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import type { TestDatabase } from "../helpers/db";

// A router that exists only here: one procedure per rung of the real ladder, each telling who it
// thinks the caller is, plus a few that go through the organization-scoped client.
const ladderRouter = createTRPCRouter({
  viaPublic: publicProcedure.query(({ ctx }) => ({ signedIn: ctx.session !== null })),
  viaAuthed: authedProcedure.query(({ ctx }) => ({ userId: ctx.user.id, role: ctx.user.role })),
  viaOrg: orgProcedure.query(({ ctx }) => ({ orgId: ctx.orgId, role: ctx.user.role })),
  viaOrgAdmin: orgAdminProcedure.query(({ ctx }) => ({ orgId: ctx.orgId, role: ctx.user.role })),
  viaSuperAdmin: superAdminProcedure.query(({ ctx }) => ({ userId: ctx.user.id, role: ctx.user.role })),
  scopedSettings: orgProcedure.query(({ ctx }) => ctx.db.setting.findMany({ orderBy: { id: "asc" } })),
  scopedOrganization: orgProcedure.input(z.object({ id: z.string() })).query(({ ctx, input }) => ctx.db.organization.findUnique({ where: { id: input.id } })),
  scopedCreateSetting: orgProcedure
    .input(z.object({ key: z.string(), value: z.string(), organizationId: z.string().optional() }))
    .mutation(({ ctx, input }) => ctx.db.setting.create({ data: { key: input.key, value: input.value, ...(input.organizationId ? { organizationId: input.organizationId } : {}) } as never })),
});

const createLadderCaller = createCallerFactory(ladderRouter);
type LadderCaller = ReturnType<typeof createLadderCaller>;

function claimsOf(user: FixtureUser, actingOrganizationId: string | null = null): SessionClaims {
  return { userId: String(user.id), sessionVersion: user.sessionVersion, actingOrganizationId };
}

function ladderCaller(db: Database, session: SessionClaims | null): LadderCaller {
  return createLadderCaller({ db, session });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await errorOf(promise)).code;
}

type Rung = "viaPublic" | "viaAuthed" | "viaOrg" | "viaOrgAdmin" | "viaSuperAdmin";
const rungs: Rung[] = ["viaPublic", "viaAuthed", "viaOrg", "viaOrgAdmin", "viaSuperAdmin"];

type LadderRole = "signedOut" | Role;
const expectedOutcomes: Record<LadderRole, Record<Rung, "ok" | "UNAUTHORIZED" | "FORBIDDEN">> = {
  signedOut: { viaPublic: "ok", viaAuthed: "UNAUTHORIZED", viaOrg: "UNAUTHORIZED", viaOrgAdmin: "UNAUTHORIZED", viaSuperAdmin: "UNAUTHORIZED" },
  Manager: { viaPublic: "ok", viaAuthed: "ok", viaOrg: "ok", viaOrgAdmin: "FORBIDDEN", viaSuperAdmin: "FORBIDDEN" },
  Admin: { viaPublic: "ok", viaAuthed: "ok", viaOrg: "ok", viaOrgAdmin: "ok", viaSuperAdmin: "FORBIDDEN" },
  SuperAdmin: { viaPublic: "ok", viaAuthed: "ok", viaOrg: "ok", viaOrgAdmin: "ok", viaSuperAdmin: "ok" },
};

let uniqueCounter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(uniqueCounter += 1)}`;

/** A user of its own, for tests that deactivate or revoke: the shared fixtures stay intact. */
async function createOwnUser(db: Database, organizationId: string, role: Role): Promise<FixtureUser> {
  const email = `${unique(role.toLowerCase())}@ladder.test`;
  const user = await db.user.create({ data: { organizationId, email, role, name: "Ladder user", passwordHash: "not-used-by-these-tests" } });
  return { id: user.id, email, role, organizationId, sessionVersion: user.sessionVersion };
}

describe.each(databaseKinds)("procedure ladder on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  function sessionFor(role: LadderRole): SessionClaims | null {
    if (role === "signedOut") return null;
    const users: Record<Role, FixtureUser> = { SuperAdmin: f.superAdmin, Admin: f.sunriseAdmin, Manager: f.sunriseManager };
    return claimsOf(users[role]);
  }

  describe.each(Object.keys(expectedOutcomes) as LadderRole[])("as %s", (role) => {
    it.each(rungs.map((rung) => [rung, expectedOutcomes[role][rung]] as const))("%s → %s", async (rung, expected) => {
      const call = ladderCaller(database.db, sessionFor(role))[rung]();
      if (expected !== "ok") {
        expect(await codeOf(call)).toBe(expected);
        return;
      }
      const result = await call;
      if (rung === "viaPublic") expect(result).toEqual({ signedIn: role !== "signedOut" });
      else expect(result).toMatchObject({ role });
    });
  });

  describe("the organization of orgProcedure", () => {
    it("is the user's own organization", async () => {
      expect(await ladderCaller(database.db, claimsOf(f.sunriseManager)).viaOrg()).toEqual({ orgId: f.sunrise.id, role: "Manager" });
      expect(await ladderCaller(database.db, claimsOf(f.bayviewAdmin)).viaOrgAdmin()).toEqual({ orgId: f.bayview.id, role: "Admin" });
      expect(await ladderCaller(database.db, claimsOf(f.superAdmin)).viaOrg()).toEqual({ orgId: f.platform.id, role: "SuperAdmin" });
    });

    it("is the entered organization for a SuperAdmin acting as Sunrise", async () => {
      const acting = ladderCaller(database.db, claimsOf(f.superAdmin, f.sunrise.id));
      expect(await acting.viaOrg()).toEqual({ orgId: f.sunrise.id, role: "SuperAdmin" });
      expect(await acting.viaOrgAdmin()).toEqual({ orgId: f.sunrise.id, role: "SuperAdmin" });
    });

    it("stays the SuperAdmin's own when the entered organization does not exist", async () => {
      const acting = ladderCaller(database.db, claimsOf(f.superAdmin, "7b0d7c3e-0000-4000-8000-000000000000"));
      expect(await acting.viaOrg()).toEqual({ orgId: f.platform.id, role: "SuperAdmin" });
    });

    it("does not move an Admin or a Manager who claims to act as another organization", async () => {
      expect(await ladderCaller(database.db, claimsOf(f.sunriseAdmin, f.bayview.id)).viaOrgAdmin()).toEqual({ orgId: f.sunrise.id, role: "Admin" });
      expect(await ladderCaller(database.db, claimsOf(f.sunriseManager, f.bayview.id)).viaOrg()).toEqual({ orgId: f.sunrise.id, role: "Manager" });
    });
  });

  describe("sessions are re-validated on every call", () => {
    it("ends a session at the next call once the user is deactivated", async () => {
      const user = await createOwnUser(database.db, f.sunrise.id, "Admin");
      const caller = ladderCaller(database.db, claimsOf(user));
      expect(await caller.viaOrg()).toEqual({ orgId: f.sunrise.id, role: "Admin" });
      await database.db.user.update({ where: { id: user.id }, data: { isActive: false } });
      expect(await codeOf(caller.viaAuthed())).toBe("UNAUTHORIZED");
      expect(await codeOf(caller.viaOrg())).toBe("UNAUTHORIZED");
    });

    it("refuses a user who was already inactive", async () => {
      expect(await codeOf(ladderCaller(database.db, claimsOf(f.sunriseFormer)).viaAuthed())).toBe("UNAUTHORIZED");
    });

    it("ends a session whose sessionVersion was bumped, and accepts the new version", async () => {
      const user = await createOwnUser(database.db, f.sunrise.id, "Manager");
      const caller = ladderCaller(database.db, claimsOf(user));
      expect(await caller.viaOrg()).toEqual({ orgId: f.sunrise.id, role: "Manager" });
      await database.db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
      expect(await codeOf(caller.viaOrg())).toBe("UNAUTHORIZED");
      const renewed = ladderCaller(database.db, { ...claimsOf(user), sessionVersion: user.sessionVersion + 1 });
      expect(await renewed.viaOrg()).toEqual({ orgId: f.sunrise.id, role: "Manager" });
    });

    it("refuses a user who no longer exists", async () => {
      const user = await createOwnUser(database.db, f.sunrise.id, "Manager");
      await database.db.user.delete({ where: { id: user.id } });
      expect(await codeOf(ladderCaller(database.db, claimsOf(user)).viaAuthed())).toBe("UNAUTHORIZED");
    });

    it("ends the sessions of a suspended organization's users, but not a SuperAdmin's", async () => {
      const lakeside = await database.db.organization.create({ data: { name: unique("Lakeside Service"), email: `${unique("lakeside")}@lakeside.test` } });
      const admin = await createOwnUser(database.db, lakeside.id, "Admin");
      const adminCaller = ladderCaller(database.db, claimsOf(admin));
      const superAdminCaller = ladderCaller(database.db, claimsOf(f.superAdmin, lakeside.id));
      expect(await adminCaller.viaOrgAdmin()).toEqual({ orgId: lakeside.id, role: "Admin" });

      await database.db.organization.update({ where: { id: lakeside.id }, data: { isActive: false } });

      expect(await codeOf(adminCaller.viaAuthed())).toBe("UNAUTHORIZED");
      expect(await codeOf(adminCaller.viaOrgAdmin())).toBe("UNAUTHORIZED");
      expect(await ladderCaller(database.db, claimsOf(f.superAdmin)).viaSuperAdmin()).toEqual({ userId: f.superAdmin.id, role: "SuperAdmin" });
      // A SuperAdmin may still enter the suspended organization (to look into it or reactivate it).
      expect(await superAdminCaller.viaOrg()).toEqual({ orgId: lakeside.id, role: "SuperAdmin" });
    });

    it("keeps a SuperAdmin signed in even if their own organization is marked inactive", async () => {
      const otherPlatform = await database.db.organization.create({ data: { name: unique("Platform copy"), email: `${unique("platform")}@autopulse.test`, isActive: false } });
      const superAdmin = await createOwnUser(database.db, otherPlatform.id, "SuperAdmin");
      expect(await ladderCaller(database.db, claimsOf(superAdmin)).viaSuperAdmin()).toEqual({ userId: superAdmin.id, role: "SuperAdmin" });
    });

    it.each(["abc", "", "12abc", "1 OR 1=1", "-1", "1.5"])("refuses a session whose userId is %j", async (userId) => {
      const caller = ladderCaller(database.db, { userId, sessionVersion: 0, actingOrganizationId: null });
      expect(await codeOf(caller.viaAuthed())).toBe("UNAUTHORIZED");
      expect(await codeOf(caller.viaOrg())).toBe("UNAUTHORIZED");
      expect(await caller.viaPublic()).toEqual({ signedIn: true });
    });
  });

  describe("the scoped client of orgProcedure", () => {
    it("lists only the caller organization's settings", async () => {
      const key = unique("ladder_setting");
      await database.db.setting.createMany({
        data: [
          { organizationId: f.sunrise.id, key, value: "sunrise value" },
          { organizationId: f.bayview.id, key, value: "bayview value" },
          { organizationId: f.platform.id, key, value: "platform value" },
        ],
      });
      const totalRows = await database.db.setting.count();

      const asSunrise = await ladderCaller(database.db, claimsOf(f.sunriseManager)).scopedSettings();
      expect(asSunrise.filter((row) => row.key === key).map((row) => row.value)).toEqual(["sunrise value"]);
      expect(asSunrise.every((row) => row.organizationId === f.sunrise.id)).toBe(true);
      expect(asSunrise.length).toBeLessThan(totalRows);

      const asBayview = await ladderCaller(database.db, claimsOf(f.bayviewAdmin)).scopedSettings();
      expect(asBayview.filter((row) => row.key === key).map((row) => row.value)).toEqual(["bayview value"]);
      expect(asBayview.every((row) => row.organizationId === f.bayview.id)).toBe(true);

      const actingAsSunrise = await ladderCaller(database.db, claimsOf(f.superAdmin, f.sunrise.id)).scopedSettings();
      expect(actingAsSunrise.filter((row) => row.key === key).map((row) => row.value)).toEqual(["sunrise value"]);
    });

    it("finds the caller's own organization but not another by its id", async () => {
      const caller = ladderCaller(database.db, claimsOf(f.sunriseAdmin));
      expect(await caller.scopedOrganization({ id: f.sunrise.id })).toMatchObject({ id: f.sunrise.id, name: f.sunrise.name });
      expect(await caller.scopedOrganization({ id: f.bayview.id })).toBeNull();
      expect(await caller.scopedOrganization({ id: f.platform.id })).toBeNull();
    });

    it("writes new rows into the caller's organization", async () => {
      const key = unique("ladder_created");
      const created = await ladderCaller(database.db, claimsOf(f.bayviewAdmin)).scopedCreateSetting({ key, value: "created" });
      expect(created.organizationId).toBe(f.bayview.id);
      const stored = await database.db.setting.findMany({ where: { key } });
      expect(stored.map((row) => row.organizationId)).toEqual([f.bayview.id]);
    });

    it("ignores an organizationId smuggled into the data of a new row", async () => {
      const key = unique("ladder_smuggled");
      const created = await ladderCaller(database.db, claimsOf(f.bayviewAdmin)).scopedCreateSetting({ key, value: "smuggled", organizationId: f.sunrise.id });
      expect(created.organizationId).toBe(f.bayview.id);
      expect(await database.db.setting.count({ where: { key, organizationId: f.sunrise.id } })).toBe(0);
    });
  });
});
