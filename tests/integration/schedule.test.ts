import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { scheduleConfigSchema } from "@/lib/validation/schedule";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { weekdaySchedule } from "./access/campaign-data";

function fieldErrorsOf(error: unknown): Record<string, string[] | undefined> {
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
  const errors: Record<string, string[]> = {};
  for (const issue of cause?.issues ?? []) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe("the schedule schema (shared by the form and the router)", () => {
  it("accepts the version-1 shape", () => {
    expect(scheduleConfigSchema.parse(weekdaySchedule)).toMatchObject({ version: 1, windows: { mon: [{ start: "09:00", end: "12:00" }], tue: [] } });
  });

  it("refuses overlapping windows on a day and names the window", () => {
    const result = scheduleConfigSchema.safeParse({ ...weekdaySchedule, windows: { ...weekdaySchedule.windows, tue: [{ start: "09:00", end: "12:00" }, { start: "11:30", end: "13:00" }] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ["windows", "tue", 1, "start"], message: "Overlaps 09:00–12:00" }));
  });

  it("refuses a window that ends before it starts or lies outside 08:00–21:00", () => {
    const result = scheduleConfigSchema.safeParse({ ...weekdaySchedule, windows: { ...weekdaySchedule.windows, wed: [{ start: "07:30", end: "09:00" }, { start: "15:00", end: "14:00" }, { start: "20:00", end: "21:30" }] } });
    const messages = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(["windows.wed.0.start: Calls start at 08:00 at the earliest", "windows.wed.1.end: The end must be after the start", "windows.wed.2.end: Calls end by 21:00 at the latest"]),
    );
  });

  it("refuses an unknown time zone, attempts outside 1–10 and an end date before the start", () => {
    const result = scheduleConfigSchema.safeParse({ ...weekdaySchedule, timezone: "Mars/Olympus_Mons", maxAttempts: 11, endDate: "2025-12-31" });
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["timezone", "maxAttempts", "endDate"]));
  });
});

describe.each(databaseKinds)("scheduleConfig on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("stores the config, reads it back, and updates it in place", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const campaign = await manager.campaign.create({ name: "Scheduled one", description: "", type: "recall" });
    expect(await manager.scheduleConfig.get({ campaignId: campaign.id })).toMatchObject({ config: null, concurrencyLimit: 5 });
    await manager.scheduleConfig.upsert({ campaignId: campaign.id, ...weekdaySchedule });
    await manager.scheduleConfig.upsert({ campaignId: campaign.id, ...weekdaySchedule, maxAttempts: 5 });
    expect(await database.db.scheduleConfig.count({ where: { campaignId: campaign.id } })).toBe(1);
    const stored = await database.db.scheduleConfig.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(stored.configJson).toMatchObject({ version: 1, maxAttempts: 5, timezone: "America/New_York" });
  });

  it("refuses concurrency above the organization's call_concurrency_limit, on the concurrency field", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const campaign = await manager.campaign.create({ name: "Too busy", description: "", type: "recall" });
    const error = await manager.scheduleConfig.upsert({ campaignId: campaign.id, ...weekdaySchedule, concurrency: 6 }).catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error).concurrency?.[0]).toMatch(/At most 5/);
    expect(await database.db.scheduleConfig.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("refuses a bad time zone through the router as BAD_REQUEST on the field", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const campaign = await manager.campaign.create({ name: "Nowhere", description: "", type: "recall" });
    const error = await manager.scheduleConfig.upsert({ campaignId: campaign.id, ...weekdaySchedule, timezone: "Nowhere/City" }).catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(error).timezone).toBeTruthy();
  });
});
