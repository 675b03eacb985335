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

const ava = { name: "Ava", description: "Service reminders", voice: "alloy", language: "en-US" };

describe.each(databaseKinds)("agent router on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("lets an Admin create, edit and deactivate agents that every role then lists", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const agent = await admin.agent.create(ava);
    expect(agent).toMatchObject({ name: "Ava", language: "en-US", isActive: true });
    const updated = await admin.agent.update({ id: agent.id, ...ava, description: "", voice: "verse" });
    expect(updated).toMatchObject({ description: null, voice: "verse" });
    await admin.agent.setActive({ id: agent.id, isActive: false });
    const listed = await callerFor(database.db, f.sunriseManager).agent.list();
    expect(listed.find((row) => row.id === agent.id)).toMatchObject({ isActive: false, callCount: 0 });
    const audit = await database.db.auditLog.findMany({ where: { organizationId: f.sunrise.id, entity: "agent", entityId: String(agent.id) }, orderBy: { id: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["create", "update", "update"]);
    expect(audit[1]?.oldValue).toEqual({ description: "Service reminders", voice: "alloy" });
    expect(audit[1]?.newValue).toEqual({ description: null, voice: "verse" });
  });

  it("refuses Managers, duplicate names and bad language tags", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    expect((await errorOf(manager.agent.create({ ...ava, name: "Max" }))).code).toBe("FORBIDDEN");
    const admin = callerFor(database.db, f.sunriseAdmin);
    const duplicate = await errorOf(admin.agent.create(ava));
    expect(duplicate.code).toBe("CONFLICT");
    const badLanguage = await errorOf(admin.agent.create({ ...ava, name: "Leo", language: "English!" }));
    expect(badLanguage.code).toBe("BAD_REQUEST");
    expect(badLanguage.message).toContain("language");
  });

  it("answers another organization's agent ids with NOT_FOUND", async () => {
    const sunriseAgent = await callerFor(database.db, f.sunriseAdmin).agent.create({ ...ava, name: "Sunrise Sam" });
    const bayview = callerFor(database.db, f.bayviewAdmin);
    expect((await errorOf(bayview.agent.update({ id: sunriseAgent.id, ...ava, name: "Stolen" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(bayview.agent.setActive({ id: sunriseAgent.id, isActive: false }))).code).toBe("NOT_FOUND");
    expect((await bayview.agent.list()).map((row) => row.name)).not.toContain("Sunrise Sam");
    expect(await database.db.agent.findUniqueOrThrow({ where: { id: sunriseAgent.id } })).toMatchObject({ name: "Sunrise Sam", isActive: true });
  });
});
