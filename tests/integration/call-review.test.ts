import { beforeAll, describe, expect, it } from "vitest";
import { createCall } from "../helpers/calls";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";

describe.each(databaseKinds)("call review on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let manager: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    manager = callerFor(database.db, f.sunriseManager);
  });

  const auditRowsFor = (callId: bigint, action = "update") =>
    database.db.auditLog.findMany({ where: { entity: "call", entityId: String(callId), action }, orderBy: { id: "asc" } });

  it("marks a call reviewed, keeping who and when, with the change in the audit log", async () => {
    const call = await createCall(database.db, f.sunrise.id);
    const reviewed = await manager.calls.setReview({ id: call.id, reviewed: true, outcome: "callback", notes: "  Wants a call on Friday  " });
    expect(reviewed).toMatchObject({ outcome: "callback", reviewNotes: "Wants a call on Friday", reviewedBy: f.sunriseManager.id });
    expect(reviewed.reviewedAt).toBeInstanceOf(Date);
    const [row] = await auditRowsFor(call.id);
    expect(row).toMatchObject({ organizationId: f.sunrise.id, userId: f.sunriseManager.id, oldValue: { outcome: null, reviewNotes: null, reviewedAt: null } });
    expect(row!.newValue).toMatchObject({ outcome: "callback", reviewNotes: "Wants a call on Friday", reviewedBy: String(f.sunriseManager.id) });

    // Another reviewer edits the notes later: the first reviewer and time stay.
    const edited = await callerFor(database.db, f.sunriseAdmin).calls.setReview({ id: call.id, reviewed: true, outcome: "callback", notes: "Called back" });
    expect(edited.reviewedBy).toBe(f.sunriseManager.id);
    expect(edited.reviewedAt).toEqual(reviewed.reviewedAt);
    const rows = await auditRowsFor(call.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.newValue).toEqual({ reviewNotes: "Called back" });

    const unmarked = await manager.calls.setReview({ id: call.id, reviewed: false, outcome: null, notes: "Called back" });
    expect(unmarked).toMatchObject({ reviewedAt: null, reviewedBy: null });
  });

  it("marks the service record do-not-call when that is the outcome", async () => {
    const record = await database.db.serviceRecord.create({ data: { organizationId: f.sunrise.id, customerName: "Dana Doe" } });
    const call = await createCall(database.db, f.sunrise.id, { serviceRecordId: record.id });
    await manager.calls.setReview({ id: call.id, reviewed: true, outcome: "do_not_call", notes: "" });
    expect((await database.db.serviceRecord.findUniqueOrThrow({ where: { id: record.id } })).doNotCall).toBe(true);
    const audit = await database.db.auditLog.findFirst({ where: { entity: "service_record", entityId: String(record.id) } });
    expect(audit).toMatchObject({ action: "update", newValue: { doNotCall: true } });
  });

  it("rejects an unknown outcome with the field named", async () => {
    const call = await createCall(database.db, f.sunrise.id);
    const error = await errorOf(manager.calls.setReview({ id: call.id, reviewed: true, outcome: "maybe" as "other", notes: "" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toContain("outcome");
  });

  it("sets tags of the organization only, audited, and refuses another organization's tag or call", async () => {
    const call = await createCall(database.db, f.sunrise.id);
    const [urgent, upsell] = await Promise.all(
      ["Urgent", "Upsell"].map((name) => database.db.tag.create({ data: { organizationId: f.sunrise.id, name, nameKey: name.toLowerCase() } })),
    );
    const foreignTag = await database.db.tag.create({ data: { organizationId: f.bayview.id, name: "Bayview only", nameKey: "bayview only" } });
    const result = await manager.calls.setTags({ id: call.id, tagIds: [urgent!.id, upsell!.id] });
    expect(result.tags.map((tag) => tag.name)).toEqual(["Upsell", "Urgent"]);
    await manager.calls.setTags({ id: call.id, tagIds: [upsell!.id] });
    expect((await database.db.callTag.findMany({ where: { callId: call.id } })).map((row) => row.tagId)).toEqual([upsell!.id]);
    const rows = await auditRowsFor(call.id);
    expect(rows.map((row) => row.newValue)).toEqual([{ tags: ["Upsell", "Urgent"] }, { tags: ["Upsell"] }]);

    expect((await errorOf(manager.calls.setTags({ id: call.id, tagIds: [foreignTag.id] }))).code).toBe("NOT_FOUND");
    expect((await errorOf(callerFor(database.db, f.bayviewAdmin).calls.setTags({ id: call.id, tagIds: [foreignTag.id] }))).code).toBe("NOT_FOUND");
    expect((await errorOf(callerFor(database.db, f.bayviewAdmin).calls.setReview({ id: call.id, reviewed: true, outcome: null, notes: "" }))).code).toBe("NOT_FOUND");
    expect((await database.db.callTag.findMany({ where: { callId: call.id } })).map((row) => row.tagId)).toEqual([upsell!.id]);
  });

  it("serves the review queue oldest first, and a reviewed call leaves it", async () => {
    const start = Date.UTC(2020, 0, 1);
    const old = await createCall(database.db, f.sunrise.id, { startTime: new Date(start) });
    const older = await createCall(database.db, f.sunrise.id, { startTime: new Date(start - 60_000) });
    await createCall(database.db, f.sunrise.id, { startTime: new Date(start - 120_000), status: "no_answer" });
    const queue = await manager.calls.reviewQueue({ limit: 2 });
    expect(queue.items.map((item) => item.id)).toEqual([older.id, old.id]);
    expect(queue.remaining).toBeGreaterThanOrEqual(2);
    await manager.calls.setReview({ id: older.id, reviewed: true, outcome: "booked", notes: "" });
    const after = await manager.calls.reviewQueue({ limit: 2 });
    expect(after.items[0]!.id).toBe(old.id);
    expect(after.remaining).toBe(queue.remaining! - 1);
  });

  it("writes a view row when a compliant organization's transcript is opened, and none otherwise", async () => {
    const call = await createCall(database.db, f.sunrise.id);
    await manager.calls.byId({ id: call.id });
    expect(await auditRowsFor(call.id, "view")).toHaveLength(0);
    await database.db.organization.update({ where: { id: f.sunrise.id }, data: { hipaaCompliant: true } });
    try {
      await manager.calls.byId({ id: call.id });
      const rows = await auditRowsFor(call.id, "view");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ organizationId: f.sunrise.id, userId: f.sunriseManager.id, newValue: { viewed: "transcript" } });
    } finally {
      await database.db.organization.update({ where: { id: f.sunrise.id }, data: { hipaaCompliant: false } });
    }
  });
});
