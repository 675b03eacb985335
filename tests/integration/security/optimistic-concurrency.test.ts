import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../../helpers/fixtures";
import type { Fixtures } from "../../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { errorOf } from "../../helpers/errors";
import { accessEntries, fixtureUserFor, privilegedCallerFor, procedureAt, settle } from "./procedures";

// Two people editing one record: each edit form sends the updated_at it loaded (expectedUpdatedAt).
// The save against an older version is a CONFLICT that writes nothing (no change, no audit row); a save
// against the current version goes through and moves updated_at on; API callers that send no version
// keep last-write-wins. The valid input comes from each procedure's access-matrix entry.

type Stored = { updatedAt: Date; value: unknown };
type Spec = { field: string; values: (n: number) => unknown; read: (database: TestDatabase, f: Fixtures, input: Record<string, unknown>) => Promise<Stored> };

const bigintId = (input: Record<string, unknown>) => BigInt(String(input.id));
const text = (label: string) => (n: number) => `${label} ${n}`;

const specs: Record<string, Spec> = {
  "organization.updateCurrent": {
    field: "location",
    values: text("Profile location"),
    read: async ({ db }, f) => db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id }, select: { updatedAt: true, location: true } }).then((row) => ({ updatedAt: row.updatedAt, value: row.location })),
  },
  "organization.update": {
    field: "location",
    values: text("Platform location"),
    read: async ({ db }, _f, input) => db.organization.findUniqueOrThrow({ where: { id: String(input.id) } }).then((row) => ({ updatedAt: row.updatedAt, value: row.location })),
  },
  "campaign.update": {
    field: "name",
    values: text("Concurrent campaign"),
    read: async ({ db }, _f, input) => db.campaign.findUniqueOrThrow({ where: { id: bigintId(input) } }).then((row) => ({ updatedAt: row.updatedAt, value: row.name })),
  },
  "serviceRecord.update": {
    field: "customerName",
    values: text("Concurrent customer"),
    read: async ({ db }, _f, input) => db.serviceRecord.findUniqueOrThrow({ where: { id: bigintId(input) } }).then((row) => ({ updatedAt: row.updatedAt, value: row.customerName })),
  },
  "setting.upsert": {
    field: "value",
    values: text("Concurrent greeting"),
    read: async ({ db }, f, input) =>
      db.setting
        .findUniqueOrThrow({ where: { organizationId_key: { organizationId: f.sunrise.id, key: String(input.key) } } })
        .then((row) => ({ updatedAt: row.updatedAt, value: row.value })),
  },
  "user.update": {
    field: "name",
    values: text("Concurrent name"),
    read: async ({ db }, _f, input) => db.user.findUniqueOrThrow({ where: { id: bigintId(input) } }).then((row) => ({ updatedAt: row.updatedAt, value: row.name })),
  },
  "plan.update": {
    field: "description",
    values: text("Concurrent plan"),
    read: async ({ db }, _f, input) => db.plan.findUniqueOrThrow({ where: { id: Number(input.id) } }).then((row) => ({ updatedAt: row.updatedAt, value: row.description })),
  },
  "kpi.update": {
    field: "description",
    values: text("Concurrent KPI"),
    read: async ({ db }, _f, input) => db.kpi.findUniqueOrThrow({ where: { id: bigintId(input) } }).then((row) => ({ updatedAt: row.updatedAt, value: row.description })),
  },
  "dmsIntegration.update": {
    field: "name",
    values: text("Concurrent DMS"),
    read: async ({ db }, _f, input) => db.dmsIntegration.findUniqueOrThrow({ where: { id: bigintId(input) } }).then((row) => ({ updatedAt: row.updatedAt, value: row.name })),
  },
  "tag.rename": {
    field: "name",
    values: text("Concurrent tag"),
    read: async ({ db }, _f, input) => db.tag.findUniqueOrThrow({ where: { id: bigintId(input) } }).then((row) => ({ updatedAt: row.updatedAt, value: row.name })),
  },
};

describe.each(databaseKinds)("optimistic concurrency on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  async function setUp(path: string) {
    const entry = accessEntries[path]!;
    const caller = privilegedCallerFor(entry)!;
    const save = procedureAt(callerFor(database.db, fixtureUserFor(f, caller)), path);
    const base = (await entry.input!(f, caller, database)) as Record<string, unknown>;
    const spec = specs[path]!;
    await save(base); // the record exists (a setting is created by its first save)
    const input = (expectedUpdatedAt: Date | undefined): Record<string, unknown> => ({ ...base, [spec.field]: spec.values(++counter), ...(expectedUpdatedAt ? { expectedUpdatedAt } : {}) });
    return { save, base, spec, input, read: () => spec.read(database, f, base) };
  }

  it.each(Object.keys(specs))("%s: a save against an older version is a CONFLICT and writes nothing", async (path) => {
    const { save, input, read } = await setUp(path);
    const opened = await read();

    const first = input(opened.updatedAt);
    await save(first);
    const afterFirst = await read();
    expect(afterFirst.value).toBe(first[specs[path]!.field]);
    expect(afterFirst.updatedAt.getTime(), "updated_at moves on with every save").toBeGreaterThan(opened.updatedAt.getTime());

    const auditRows = await database.db.auditLog.count();
    const stale = await errorOf(save(input(opened.updatedAt)));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/^Someone else changed this .+ since you opened it\./);
    expect(await read(), "the newer version stays").toEqual(afterFirst);
    expect(await database.db.auditLog.count(), "a conflict writes no audit row").toBe(auditRows);
  });

  it.each(Object.keys(specs))("%s: a save against the current version goes through; without a version it always does", async (path) => {
    const { save, input, read, spec } = await setUp(path);
    const fresh = input((await read()).updatedAt);
    await save(fresh);
    expect((await read()).value).toBe(fresh[spec.field]);

    const unversioned = input(undefined);
    await save(unversioned);
    expect((await read()).value).toBe(unversioned[spec.field]);
  });

  it("a credit change (a call debited, credits added) while an Admin edits the profile does not make their save a conflict", async () => {
    const { save, input, read } = await setUp("organization.updateCurrent");
    const opened = await read();
    await callerFor(database.db, f.superAdmin).organization.adjustCredits({ organizationId: f.sunrise.id, direction: "add", amount: "2.50", reason: "Goodwill while the profile is open" });
    await save(input(opened.updatedAt));
    expect((await read()).updatedAt.getTime()).toBeGreaterThan(opened.updatedAt.getTime());
  });

  it.each(Object.keys(specs))("%s: of two simultaneous saves from the same version, exactly one wins", async (path) => {
    const { save, input, read, spec } = await setUp(path);
    const opened = await read();
    const [a, b] = [input(opened.updatedAt), input(opened.updatedAt)];
    const results = await Promise.all([settle(save(a)), settle(save(b))]);
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok).map((result) => (result.ok ? null : result.error));
    expect(winners).toHaveLength(1);
    expect(losers.map((error) => (error instanceof TRPCError ? error.code : String(error)))).toEqual(["CONFLICT"]);
    expect([a[spec.field], b[spec.field]]).toContain((await read()).value);
  });
});
