import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";

describe.each(databaseKinds)("editing inquiries on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  const newInquiry = (name: string) => callerFor(database.db, f.sunriseManager).inquiry.create({ customerName: name, email: "", phone: "(614) 555-0142", message: "Brakes squeak" });

  it("saves the edited fields, normalized, and writes only what changed to the audit log", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const inquiry = await newInquiry("Edna Edit");
    const saved = await manager.inquiry.update({ id: String(inquiry.id), expectedUpdatedAt: inquiry.updatedAt, customerName: "Edna Edited", email: " Edna@Example.COM ", phone: "(614) 555-0142", message: "Brakes squeak when cold" });
    expect(saved).toMatchObject({ customerName: "Edna Edited", email: "edna@example.com", phone: "+16145550142", message: "Brakes squeak when cold", status: "New" });
    expect(saved.updatedAt.getTime()).toBeGreaterThan(inquiry.updatedAt.getTime());
    expect(await manager.inquiry.byId({ id: String(inquiry.id) })).toEqual(saved);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "inquiry", entityId: String(inquiry.id), action: "update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ userId: f.sunriseManager.id, oldValue: { customerName: "Edna Edit", email: null, message: "Brakes squeak" }, newValue: { customerName: "Edna Edited", email: "edna@example.com", message: "Brakes squeak when cold" } });
    expect(audit.oldValue).not.toHaveProperty("phone");
  });

  it("refuses a save made on a stale copy with CONFLICT and leaves the inquiry as the other editor saved it", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const admin = callerFor(database.db, f.sunriseAdmin);
    const inquiry = await newInquiry("Stale Sam");
    const fields = { email: "", phone: "614 555 0142", message: "" };
    const adminVersion = await admin.inquiry.update({ id: inquiry.id, expectedUpdatedAt: inquiry.updatedAt, customerName: "Sam by Admin", ...fields });
    const error = await errorOf(manager.inquiry.update({ id: inquiry.id, expectedUpdatedAt: inquiry.updatedAt, customerName: "Sam by Manager", ...fields }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^Someone else changed this inquiry since you opened it/);
    expect(await database.db.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).toMatchObject({ customerName: "Sam by Admin", updatedAt: adminVersion.updatedAt });
    expect(await database.db.auditLog.count({ where: { entity: "inquiry", entityId: String(inquiry.id), action: "update" } })).toBe(1);

    // The status and "make customer" actions keep working on an edited inquiry.
    await expect(manager.inquiry.setStatus({ id: inquiry.id, status: "InProgress" })).resolves.toMatchObject({ status: "InProgress", customerName: "Sam by Admin" });
    const { serviceRecordId } = await manager.inquiry.convertToServiceRecord({ id: inquiry.id });
    expect(await database.db.serviceRecord.findUniqueOrThrow({ where: { id: serviceRecordId } })).toMatchObject({ customerName: "Sam by Admin" });
  });

  it("answers NOT_FOUND for another organization's inquiry and leaves it alone", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const foreign = await database.db.inquiry.create({ data: { organizationId: f.bayview.id, customerName: "Bayview Asker", phone: "+16145550199" } });
    await expect(manager.inquiry.update({ id: foreign.id, expectedUpdatedAt: foreign.updatedAt, customerName: "Taken over", email: "", phone: "614 555 0199", message: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(manager.inquiry.byId({ id: String(foreign.id) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.db.inquiry.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
  });

  it("names the field of an invalid edit", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const inquiry = await newInquiry("Field Frank");
    const error = await errorOf(manager.inquiry.update({ id: inquiry.id, expectedUpdatedAt: inquiry.updatedAt, customerName: "Field Frank", email: "not-an-email", phone: "", message: "" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/valid email/);
  });
});
