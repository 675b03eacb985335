import crypto from "node:crypto";
import { expect } from "vitest";
import { fixturePassword } from "../../helpers/fixtures";
import { homeOrganization } from "./matrix";
import type { AccessEntries, Check, StateReader } from "./matrix";
import type { Fixtures, FixtureUser } from "../../helpers/fixtures";

const sunriseUsers: StateReader = async (database, f) => ({
  users: await database.db.user.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
  tokens: await database.db.passwordToken.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
});

type Listed = { email: string; organizationId: string }[];

const freshSunriseUser = async (database: Parameters<StateReader>[0], organizationId: string, label: string) =>
  database.db.user.create({ data: { organizationId, email: `${label}-${crypto.randomUUID()}@matrix.test`, name: label, passwordHash: "x", role: "Manager" } });

/** The caller's sessions were ended; then restored, so the rest of the matrix keeps this caller signed in. */
function passwordChangedFor(pick: (f: Fixtures) => FixtureUser): Check {
  return async (result, { database, f }) => {
    expect(result).toEqual({ ok: true });
    const user = pick(f);
    const stored = await database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.sessionVersion).toBe(user.sessionVersion + 1);
    await database.db.user.update({ where: { id: user.id }, data: { sessionVersion: user.sessionVersion } });
  };
}

export const entries: AccessEntries = {
  "user.list": {
    type: "query",
    input: (f) => ({ organizationId: f.sunrise.id }),
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result, { f }) => expect((result as Listed).map((user) => user.email)).toContain(f.sunriseAdmin.email),
      admin: (result, { f }) => expect((result as Listed).every((user) => user.organizationId === f.sunrise.id)).toBe(true),
      manager: "FORBIDDEN",
      foreign: (result, { f }) => {
        expect((result as Listed).length).toBeGreaterThan(0);
        expect((result as Listed).every((user) => user.organizationId === f.bayview.id)).toBe(true);
      },
    },
  },
  "user.create": {
    type: "mutation",
    input: (f, caller) => ({ organizationId: f.sunrise.id, name: `Matrix ${caller}`, email: `matrix-${caller}@sunrise.test`, role: "Manager", passwordMode: "link" }),
    state: sunriseUsers,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result, { f }) => expect(result).toMatchObject({ user: { organizationId: f.sunrise.id }, setPasswordToken: expect.any(String) }),
      admin: (result, { f }) => expect(result).toMatchObject({ user: { organizationId: f.sunrise.id } }),
      manager: "FORBIDDEN",
      // Bayview's Admin cannot place a user in Sunrise: the user lands in Bayview.
      foreign: (result, { f }) => expect(result).toMatchObject({ user: { organizationId: f.bayview.id } }),
    },
  },
  "user.update": {
    type: "mutation",
    input: (f) => ({ id: f.sunriseManager.id, name: "manager", role: "Manager" }),
    state: sunriseUsers,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "ok", admin: "ok", manager: "FORBIDDEN", foreign: "NOT_FOUND" },
  },
  "user.setActive": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseUser(database, f.sunrise.id, `active-${caller}`)).id, isActive: false }),
    state: sunriseUsers,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: (result) => expect(result).toMatchObject({ isActive: false }), admin: "ok", manager: "FORBIDDEN", foreign: "NOT_FOUND" },
  },
  "user.setPassword": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseUser(database, f.sunrise.id, `password-${caller}`)).id, password: "a brand new password" }),
    state: sunriseUsers,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "ok", admin: "ok", manager: "FORBIDDEN", foreign: "NOT_FOUND" },
  },
  "user.me": {
    type: "query",
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result, { f }) => expect(result).toMatchObject({ id: f.superAdmin.id }),
      admin: (result, { f }) => expect(result).toMatchObject({ id: f.sunriseAdmin.id }),
      manager: (result, { f }) => expect(result).toMatchObject({ id: f.sunriseManager.id }),
      foreign: (result, { f }) => expect(result).toMatchObject({ id: f.bayviewAdmin.id }),
    },
  },
  "user.updateProfile": {
    type: "mutation",
    input: (f, caller) => ({ name: `Renamed ${caller}` }),
    state: async (database, f) => database.db.user.findMany({ where: { organizationId: f.sunrise.id, id: { notIn: [f.sunriseAdmin.id, f.sunriseManager.id] } }, orderBy: { id: "asc" } }),
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result) => expect(result).toMatchObject({ name: "Renamed superAdmin" }),
      admin: (result) => expect(result).toMatchObject({ name: "Renamed admin" }),
      manager: (result) => expect(result).toMatchObject({ name: "Renamed manager" }),
      foreign: (result) => expect(result).toMatchObject({ name: "Renamed foreign" }),
    },
  },
  "user.changePassword": {
    type: "mutation",
    // The same password again: the call succeeds and bumps the caller's session version, which the check
    // puts back so that the rest of the matrix can keep using this caller's session.
    input: () => ({ currentPassword: fixturePassword, newPassword: fixturePassword, confirmPassword: fixturePassword }),
    state: async (database, f) => database.db.user.findMany({ where: { organizationId: f.sunrise.id, id: { notIn: [f.sunriseAdmin.id, f.sunriseManager.id] } }, orderBy: { id: "asc" } }),
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: passwordChangedFor((f) => f.superAdmin),
      admin: passwordChangedFor((f) => f.sunriseAdmin),
      manager: passwordChangedFor((f) => f.sunriseManager),
      foreign: passwordChangedFor((f) => f.bayviewAdmin),
    },
  },
  "user.passwordLink": {
    type: "query",
    input: () => ({ token: crypto.randomBytes(32).toString("base64url") }),
    expect: { signedOut: "ok", superAdmin: "ok", admin: "ok", manager: "ok", foreign: "ok" },
  },
  "user.setPasswordWithToken": {
    type: "mutation",
    // A real link per caller, for a user of the caller's own organization: the link is the credential.
    input: async (f, caller, database) => {
      const organizationId = homeOrganization(f, caller).id;
      const user = await freshSunriseUser(database, organizationId, `link-${caller}`);
      const token = crypto.randomBytes(32).toString("base64url");
      await database.db.passwordToken.create({
        data: { organizationId, userId: user.id, tokenHash: crypto.createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return { token, password: "a password set by link", confirmPassword: "a password set by link" };
    },
    state: sunriseUsers,
    expect: { signedOut: "ok", superAdmin: "ok", admin: "ok", manager: "ok", foreign: "ok" },
  },
};
