import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { startOfDayIn } from "@/server/services/periods";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("startOfDayIn", () => {
  it("finds midnight in the organization's time zone, across daylight saving changes", () => {
    expect(startOfDayIn("2026-07-04", "America/New_York").toISOString()).toBe("2026-07-04T04:00:00.000Z");
    expect(startOfDayIn("2026-01-15", "America/New_York").toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfDayIn("2026-03-08", "America/Los_Angeles").toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/Los_Angeles").toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(startOfDayIn("2026-05-01", "UTC").toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });
});

describe.each(databaseKinds)("auditLog router on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  const base = new Date("2026-06-01T12:00:00.000Z");

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    // 120 Sunrise rows, some sharing a timestamp (the id breaks the tie), plus Bayview rows.
    await database.db.auditLog.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({
        organizationId: f.sunrise.id,
        userId: index % 3 === 0 ? f.sunriseManager.id : f.sunriseAdmin.id,
        entity: index % 2 === 0 ? "tag" : "campaign",
        entityId: String(index),
        action: index % 4 === 0 ? "delete" : "update",
        timestamp: new Date(base.getTime() - Math.floor(index / 2) * 3_600_000),
        oldValue: { name: `old ${index}` },
        newValue: { name: `new ${index}` },
      })),
    });
    await database.db.auditLog.createMany({
      data: Array.from({ length: 5 }, (_, index) => ({ organizationId: f.bayview.id, userId: f.bayviewAdmin.id, entity: "tag", action: "create", timestamp: base, entityId: `b${index}` })),
    });
  });

  it("pages through every row exactly once, newest first, with a stable order", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const seen: { id: bigint; timestamp: Date }[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof admin.auditLog.list>> = await admin.auditLog.list({ limit: 25, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((row) => row.id)).size).toBe(120);
    for (let index = 1; index < seen.length; index++) {
      const previous = seen[index - 1]!;
      const current = seen[index]!;
      const ordered = previous.timestamp > current.timestamp || (previous.timestamp.getTime() === current.timestamp.getTime() && previous.id > current.id);
      expect(ordered).toBe(true);
    }
  });

  it("filters by user, entity, action and date range (days in the organization's time zone)", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const byManager = await admin.auditLog.list({ userId: String(f.sunriseManager.id), limit: 200 } as never);
    expect(byManager.items).toHaveLength(40);
    expect(byManager.items.every((row) => row.userId === f.sunriseManager.id && row.user?.email === "manager@sunrise.test")).toBe(true);
    const tagDeletes = await admin.auditLog.list({ entity: "tag", action: "delete", limit: 200 });
    expect(tagDeletes.items).toHaveLength(30);
    // Base is 08:00 on June 1 in New York; rows go back an hour per pair, so June 1 (local) holds 9 hours = 18 rows.
    const juneFirst = await admin.auditLog.list({ from: "2026-06-01", to: "2026-06-01", limit: 200 });
    expect(juneFirst.items).toHaveLength(18);
    const badRange = await errorOf(admin.auditLog.list({ from: "2026-06-02", to: "2026-06-01", limit: 10 }));
    expect(badRange.code).toBe("BAD_REQUEST");
    expect((await errorOf(admin.auditLog.list({ action: "hack" as never, limit: 10 }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(admin.auditLog.list({ cursor: "nonsense", limit: 10 }))).code).toBe("BAD_REQUEST");
  });

  it("shows each organization only its own rows, and refuses Managers", async () => {
    const bayview = await callerFor(database.db, f.bayviewAdmin).auditLog.list({ limit: 200 });
    expect(bayview.items).toHaveLength(5);
    expect(bayview.items.every((row) => row.organizationId === f.bayview.id)).toBe(true);
    const foreignUser = await callerFor(database.db, f.bayviewAdmin).auditLog.list({ userId: String(f.sunriseAdmin.id), limit: 200 } as never);
    expect(foreignUser.items).toHaveLength(0);
    expect((await errorOf(callerFor(database.db, f.sunriseManager).auditLog.list({ limit: 10 }))).code).toBe("FORBIDDEN");
    expect((await errorOf(callerFor(database.db, f.sunriseManager).auditLog.users())).code).toBe("FORBIDDEN");
  });

  it("records a super admin's changes in the organization they act as", async () => {
    const acting = callerFor(database.db, f.superAdmin, { actingOrganizationId: f.sunrise.id });
    await acting.tag.create({ name: "Added by support" });
    const rows = await callerFor(database.db, f.sunriseAdmin).auditLog.list({ entity: "tag", action: "create", limit: 10 });
    const row = rows.items.find((item) => item.userId === f.superAdmin.id);
    expect(row?.newValue).toEqual({ name: "Added by support" });
    expect(row?.organizationId).toBe(f.sunrise.id);
  });
});
