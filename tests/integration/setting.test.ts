import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
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

/** The dotted paths of a BAD_REQUEST's zod issues (the field names the form shows errors beside). */
function issuePaths(error: TRPCError): string[] {
  return ((error.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues ?? []).map((issue) => issue.path.map(String).join("."));
}

const openWeek = {
  mon: [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "18:00" }],
  tue: [{ start: "08:00", end: "18:00" }],
  wed: [{ start: "08:00", end: "18:00" }],
  thu: [{ start: "08:00", end: "18:00" }],
  fri: [{ start: "08:00", end: "18:00" }],
  sat: [],
  sun: [],
};

describe.each(databaseKinds)("setting router on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("stores the time zone that organization.current then returns, with an audit row", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    await admin.setting.upsert({ key: "timezone", value: "America/Chicago" });
    expect((await admin.organization.current()).timezone).toBe("America/Chicago");
    expect((await callerFor(database.db, f.sunriseManager).organization.current()).timezone).toBe("America/Chicago");
    await admin.setting.upsert({ key: "timezone", value: "America/Denver" });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { organizationId: f.sunrise.id, entity: "setting" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "update", entityId: "timezone", userId: f.sunriseAdmin.id });
    expect(audit.oldValue).toEqual({ key: "timezone", value: "America/Chicago" });
    expect(audit.newValue).toEqual({ key: "timezone", value: "America/Denver" });
  });

  it("refuses an unknown time zone naming the value", async () => {
    const error = await errorOf(callerFor(database.db, f.sunriseAdmin).setting.upsert({ key: "timezone", value: "Mars/Olympus" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("value");
  });

  it("stores business hours as JSON and refuses overlaps and ends before starts", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const saved = await admin.setting.upsert({ key: "business_hours", value: openWeek });
    expect(JSON.parse(saved.value ?? "")).toEqual(openWeek);
    const overlap = await errorOf(admin.setting.upsert({ key: "business_hours", value: { ...openWeek, mon: [{ start: "08:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } }));
    expect(overlap.code).toBe("BAD_REQUEST");
    expect(issuePaths(overlap)).toContain("value.mon.1.start");
    const backwards = await errorOf(admin.setting.upsert({ key: "business_hours", value: { ...openWeek, tue: [{ start: "18:00", end: "08:00" }] } }));
    expect(issuePaths(backwards)).toContain("value.tue.0.end");
  });

  it("normalizes the caller ID to E.164 and checks the greeting and retry policy", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    expect((await admin.setting.upsert({ key: "caller_id", value: "(614) 555-0100" })).value).toBe("+16145550100");
    expect((await errorOf(admin.setting.upsert({ key: "caller_id", value: "12" }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(admin.setting.upsert({ key: "agent_greeting", value: "x".repeat(1001) }))).code).toBe("BAD_REQUEST");
    const policy = await admin.setting.upsert({ key: "retry_policy", value: { maxAttempts: 3, retryDelayMinutes: 240 } });
    expect(JSON.parse(policy.value ?? "")).toEqual({ maxAttempts: 3, retryDelayMinutes: 240 });
    const tooMany = await errorOf(admin.setting.upsert({ key: "retry_policy", value: { maxAttempts: 11, retryDelayMinutes: 240 } }));
    expect(issuePaths(tooMany)).toContain("value.maxAttempts");
  });

  it("keeps custom keys per organization, checks their shape and size, and deletes them", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    await admin.setting.upsert({ key: "crm.sync-enabled", value: "true" });
    await callerFor(database.db, f.bayviewAdmin).setting.upsert({ key: "crm.sync-enabled", value: "false" });
    const sunrise = await admin.setting.list();
    expect(sunrise.find((setting) => setting.key === "crm.sync-enabled")?.value).toBe("true");
    expect((await errorOf(admin.setting.upsert({ key: "bad key!", value: "x" }))).message).toContain("key");
    expect((await errorOf(admin.setting.upsert({ key: "notes", value: "x".repeat(10001) }))).message).toContain("value");
    await admin.setting.delete({ key: "crm.sync-enabled" });
    expect((await admin.setting.list()).map((setting) => setting.key)).not.toContain("crm.sync-enabled");
    const bayview = await callerFor(database.db, f.bayviewAdmin).setting.list();
    expect(bayview.find((setting) => setting.key === "crm.sync-enabled")?.value).toBe("false");
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { organizationId: f.sunrise.id, entity: "setting", action: "delete" } });
    expect(audit.oldValue).toEqual({ key: "crm.sync-enabled", value: "true" });
  });

  it("refuses Managers and answers another organization's key with NOT_FOUND", async () => {
    expect((await errorOf(callerFor(database.db, f.sunriseManager).setting.list())).code).toBe("FORBIDDEN");
    expect((await errorOf(callerFor(database.db, f.sunriseManager).setting.upsert({ key: "timezone", value: "UTC" }))).code).toBe("FORBIDDEN");
    await callerFor(database.db, f.sunriseAdmin).setting.upsert({ key: "only.sunrise", value: "1" });
    expect((await errorOf(callerFor(database.db, f.bayviewAdmin).setting.delete({ key: "only.sunrise" }))).code).toBe("NOT_FOUND");
    expect((await callerFor(database.db, f.sunriseAdmin).setting.list()).map((setting) => setting.key)).toContain("only.sunrise");
  });
});
