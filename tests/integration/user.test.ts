import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth/sign-in";
import { loadSessionUser } from "@/server/auth/session-user";
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

const strongPassword = "a long enough password";

describe.each(databaseKinds)("users on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("lets an Admin create a Manager with a password, in their own organization only, with an audit row that hides the password", async () => {
    const asAdmin = callerFor(database.db, f.sunriseAdmin);
    const created = await asAdmin.user.create({ organizationId: f.bayview.id, name: "Pat Jones", email: "Pat@Sunrise.test", role: "Manager", passwordMode: "password", password: strongPassword });
    expect(created.user).toMatchObject({ email: "pat@sunrise.test", organizationId: f.sunrise.id, role: "Manager" });
    expect(created.setPasswordToken).toBeNull();
    expect(await authenticate(database.db, "pat@sunrise.test", strongPassword)).not.toBeNull();
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "user", entityId: String(created.user.id), action: "create" } });
    expect(JSON.stringify(audit.newValue)).not.toContain(strongPassword);
    expect(audit.organizationId).toBe(f.sunrise.id);
  });

  it("refuses duplicate emails on the field, short passwords, SuperAdmin from Admins, and everything from Managers", async () => {
    const asAdmin = callerFor(database.db, f.sunriseAdmin);
    const duplicate = await errorOf(asAdmin.user.create({ name: "Again", email: "admin@bayview.test", role: "Manager", passwordMode: "password", password: strongPassword }));
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.message).toContain("email");
    const short = await errorOf(asAdmin.user.create({ name: "Short", email: "short@sunrise.test", role: "Manager", passwordMode: "password", password: "too short" }));
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toContain("password");
    expect((await errorOf(asAdmin.user.create({ name: "Boss", email: "boss@sunrise.test", role: "SuperAdmin", passwordMode: "link" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(callerFor(database.db, f.sunriseManager).user.list({}))).code).toBe("FORBIDDEN");
    const superInSunrise = await errorOf(callerFor(database.db, f.superAdmin).user.create({ organizationId: f.sunrise.id, name: "Boss", email: "boss@sunrise.test", role: "SuperAdmin", passwordMode: "link" }));
    expect(superInSunrise.code).toBe("BAD_REQUEST");
    expect(await database.db.user.count({ where: { email: "boss@sunrise.test" } })).toBe(0);
  });

  it("creates a one-time set-password link valid 72 hours, stored hashed, that works once", async () => {
    const created = await callerFor(database.db, f.sunriseAdmin).user.create({ name: "Link User", email: "link@sunrise.test", role: "Manager", passwordMode: "link" });
    const token = created.setPasswordToken!;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const stored = await database.db.passwordToken.findFirstOrThrow({ where: { userId: created.user.id } });
    expect(stored.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(stored.tokenHash).not.toContain(token);
    const hours = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(72);
    const signedOut = callerFor(database.db, null);
    expect(await signedOut.user.passwordLink({ token })).toEqual({ valid: true, email: "link@sunrise.test" });
    expect(await authenticate(database.db, "link@sunrise.test", strongPassword)).toBeNull();
    await signedOut.user.setPasswordWithToken({ token, password: strongPassword, confirmPassword: strongPassword });
    expect(await authenticate(database.db, "link@sunrise.test", strongPassword)).not.toBeNull();
    expect((await errorOf(signedOut.user.setPasswordWithToken({ token, password: "another password!", confirmPassword: "another password!" }))).code).toBe("BAD_REQUEST");
    expect(await signedOut.user.passwordLink({ token })).toEqual({ valid: false, email: null });
  });

  it("refuses an expired link", async () => {
    const created = await callerFor(database.db, f.sunriseAdmin).user.create({ name: "Late User", email: "late@sunrise.test", role: "Manager", passwordMode: "link" });
    await database.db.passwordToken.updateMany({ where: { userId: created.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const error = await errorOf(callerFor(database.db, null).user.setPasswordWithToken({ token: created.setPasswordToken!, password: strongPassword, confirmPassword: strongPassword }));
    expect(error.message).toContain("expired");
  });

  it("keeps an active Admin: no self-demotion or self-deactivation, and not the last Admin", async () => {
    const asAdmin = callerFor(database.db, f.sunriseAdmin);
    const demoteSelf = await errorOf(asAdmin.user.update({ id: f.sunriseAdmin.id, name: "admin", role: "Manager" }));
    expect(demoteSelf.message).toContain("own role");
    const deactivateSelf = await errorOf(asAdmin.user.setActive({ id: f.sunriseAdmin.id, isActive: false }));
    expect(deactivateSelf.message).toContain("yourself");
    const asSuper = callerFor(database.db, f.superAdmin);
    const lastAdmin = await errorOf(asSuper.user.setActive({ id: f.sunriseAdmin.id, isActive: false }));
    expect(lastAdmin.code).toBe("BAD_REQUEST");
    expect(lastAdmin.message).toContain("at least one active Admin");
    const lastDemote = await errorOf(asSuper.user.update({ id: f.sunriseAdmin.id, name: "admin", role: "Manager" }));
    expect(lastDemote.message).toContain("at least one active Admin");
    // With a second Admin, the first may be demoted.
    await asAdmin.user.update({ id: f.sunriseManager.id, name: "manager", role: "Admin" });
    await asSuper.user.update({ id: f.sunriseAdmin.id, name: "admin", role: "Admin" });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "user", entityId: String(f.sunriseManager.id) }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ oldValue: { role: "Manager" }, newValue: { role: "Admin" } });
    await asAdmin.user.update({ id: f.sunriseManager.id, name: "manager", role: "Manager" });
  });

  it("deactivation and a new password end the user's sessions at their next request", async () => {
    const asAdmin = callerFor(database.db, f.sunriseAdmin);
    const { user } = await asAdmin.user.create({ name: "Temp", email: "temp@sunrise.test", role: "Manager", passwordMode: "password", password: strongPassword });
    const session = { userId: String(user.id), sessionVersion: 0 };
    expect(await loadSessionUser(database.db, session)).not.toBeNull();
    await asAdmin.user.setPassword({ id: user.id, password: "the admin's new one" });
    expect(await loadSessionUser(database.db, session)).toBeNull();
    expect(await authenticate(database.db, "temp@sunrise.test", "the admin's new one")).not.toBeNull();
    await asAdmin.user.setActive({ id: user.id, isActive: false });
    expect(await authenticate(database.db, "temp@sunrise.test", "the admin's new one")).toBeNull();
    await asAdmin.user.setActive({ id: user.id, isActive: true });
  });

  it("never reaches another organization's users", async () => {
    const asBayview = callerFor(database.db, f.bayviewAdmin);
    expect((await errorOf(asBayview.user.setActive({ id: f.sunriseManager.id, isActive: false }))).code).toBe("NOT_FOUND");
    expect((await errorOf(asBayview.user.setPassword({ id: f.sunriseManager.id, password: strongPassword }))).code).toBe("NOT_FOUND");
    const listed = await asBayview.user.list({ organizationId: f.sunrise.id });
    expect(listed.every((user) => user.organizationId === f.bayview.id)).toBe(true);
    const all = await callerFor(database.db, f.superAdmin).user.list({ role: "Admin" });
    expect(new Set(all.map((user) => user.organizationId))).toEqual(new Set([f.sunrise.id, f.bayview.id]));
  });

  it("lets every user rename themselves and change their own password with the current one", async () => {
    const asManager = callerFor(database.db, f.sunriseManager);
    expect((await asManager.user.updateProfile({ name: "Morgan Lee" })).name).toBe("Morgan Lee");
    const wrong = await errorOf(asManager.user.changePassword({ currentPassword: "not it", newPassword: strongPassword, confirmPassword: strongPassword }));
    expect(wrong.code).toBe("BAD_REQUEST");
    const mismatch = await errorOf(asManager.user.changePassword({ currentPassword: fixturePassword, newPassword: strongPassword, confirmPassword: "something else" }));
    expect(mismatch.message).toContain("confirmPassword");
    await asManager.user.changePassword({ currentPassword: fixturePassword, newPassword: strongPassword, confirmPassword: strongPassword });
    expect(await authenticate(database.db, f.sunriseManager.email, strongPassword)).not.toBeNull();
    expect((await errorOf(asManager.user.me())).code).toBe("UNAUTHORIZED");
  });
});
