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

describe.each(databaseKinds)("tag router on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("lets a Manager create, rename and delete tags, each with an audit row", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const tag = await manager.tag.create({ name: "  Angry customer " });
    expect(tag.name).toBe("Angry customer");
    const renamed = await manager.tag.rename({ id: tag.id, name: "Upset customer" });
    expect(renamed.name).toBe("Upset customer");
    await manager.tag.delete({ id: tag.id });
    expect((await manager.tag.list()).map((row) => row.name)).not.toContain("Upset customer");
    const audit = await database.db.auditLog.findMany({ where: { organizationId: f.sunrise.id, entity: "tag", entityId: String(tag.id) }, orderBy: { id: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["create", "update", "delete"]);
    expect(audit[1]).toMatchObject({ oldValue: { name: "Angry customer" }, newValue: { name: "Upset customer" }, userId: f.sunriseManager.id });
  });

  it("keeps names unique per organization regardless of case, with CONFLICT on the name", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const first = await admin.tag.create({ name: "Recall" });
    const duplicate = await errorOf(admin.tag.create({ name: "RECALL" }));
    expect(duplicate.code).toBe("CONFLICT");
    expect((duplicate.cause as unknown as { fields: string[] }).fields).toEqual(["name"]);
    const other = await admin.tag.create({ name: "Warranty" });
    expect((await errorOf(admin.tag.rename({ id: other.id, name: "recall" }))).code).toBe("CONFLICT");
    // Renaming a tag to a different case of its own name is fine.
    expect((await admin.tag.rename({ id: first.id, name: "RECALL" })).name).toBe("RECALL");
    // Another organization may use the same name.
    expect((await callerFor(database.db, f.bayviewAdmin).tag.create({ name: "recall" })).name).toBe("recall");
  });

  it("refuses empty and over-long names naming the field", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const empty = await errorOf(admin.tag.create({ name: "   " }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toContain("name");
    expect((await errorOf(admin.tag.create({ name: "x".repeat(51) }))).code).toBe("BAD_REQUEST");
  });

  it("counts the calls that carry each tag, and deleting a tag takes it off those calls", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const tag = await admin.tag.create({ name: "Follow up" });
    const calls = await Promise.all([1, 2, 3].map(() => database.db.call.create({ data: { organizationId: f.sunrise.id, status: "completed" } })));
    await database.db.callTag.createMany({ data: calls.map((call) => ({ callId: call.id, tagId: tag.id })) });
    const listed = (await admin.tag.list()).find((row) => row.id === tag.id);
    expect(listed?.callCount).toBe(3);
    await admin.tag.delete({ id: tag.id });
    expect(await database.db.callTag.count({ where: { tagId: tag.id } })).toBe(0);
    expect(await database.db.call.count({ where: { id: { in: calls.map((call) => call.id) } } })).toBe(3);
  });

  it("answers another organization's tag ids with NOT_FOUND and leaves them alone", async () => {
    const sunriseTag = await callerFor(database.db, f.sunriseAdmin).tag.create({ name: "Sunrise private" });
    const bayview = callerFor(database.db, f.bayviewAdmin);
    expect((await errorOf(bayview.tag.rename({ id: sunriseTag.id, name: "Stolen" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(bayview.tag.delete({ id: sunriseTag.id }))).code).toBe("NOT_FOUND");
    expect((await bayview.tag.list()).map((row) => row.name)).not.toContain("Sunrise private");
    expect((await database.db.tag.findUniqueOrThrow({ where: { id: sunriseTag.id } })).name).toBe("Sunrise private");
    expect((await errorOf(callerFor(database.db, null).tag.list())).code).toBe("UNAUTHORIZED");
  });
});
