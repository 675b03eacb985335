import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { findActiveApiKey, hashApiKey, markApiKeyUsed } from "@/server/services/api-keys";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const json = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));

describe.each(databaseKinds)("apiKey router on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("returns the full key once and stores only its SHA-256 and prefix", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const { apiKey, key } = await admin.apiKey.create({ name: "Voice engine" });
    expect(key).toMatch(/^ap_live_[A-Za-z0-9_-]{32,}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 12));
    const row = await database.db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    const rawRows = await database.sql(`SELECT * FROM api_key WHERE id = $1`, [String(apiKey.id)]);
    expect(json(rawRows)).not.toContain(key);
    const audit = await database.sql(`SELECT old_value, new_value FROM audit_log WHERE entity = 'api_key'`);
    expect(json(audit)).not.toContain(key);
    const listed = await admin.apiKey.list();
    expect(json(listed)).not.toContain(key);
    expect(json(listed)).not.toContain(row.keyHash);
    expect(listed.find((item) => item.id === apiKey.id)).toMatchObject({ name: "Voice engine", creator: { email: "admin@sunrise.test" }, revokedAt: null });
  });

  it("finds an active key for the voice engine, and nothing once it is revoked", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const { apiKey, key } = await admin.apiKey.create({ name: "Dialer" });
    const found = await findActiveApiKey(database.db, key);
    expect(found).toMatchObject({ id: apiKey.id, organizationId: f.sunrise.id, organization: { isActive: true } });
    await markApiKeyUsed(database.db, apiKey.id);
    expect((await database.db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toBeInstanceOf(Date);
    expect(await findActiveApiKey(database.db, `${key}x`)).toBeNull();
    expect(await findActiveApiKey(database.db, "")).toBeNull();
    const revoked = await admin.apiKey.revoke({ id: apiKey.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await findActiveApiKey(database.db, key)).toBeNull();
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "api_key", entityId: String(apiKey.id), action: "update" } });
    expect(audit.oldValue).toMatchObject({ revokedAt: null });
  });

  it("refuses Managers, empty names and another organization's key ids", async () => {
    expect((await errorOf(callerFor(database.db, f.sunriseManager).apiKey.create({ name: "Mine" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(callerFor(database.db, f.sunriseManager).apiKey.list())).code).toBe("FORBIDDEN");
    const empty = await errorOf(callerFor(database.db, f.sunriseAdmin).apiKey.create({ name: " " }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toContain("name");
    const { apiKey, key } = await callerFor(database.db, f.sunriseAdmin).apiKey.create({ name: "Sunrise only" });
    expect((await errorOf(callerFor(database.db, f.bayviewAdmin).apiKey.revoke({ id: apiKey.id }))).code).toBe("NOT_FOUND");
    expect(await findActiveApiKey(database.db, key)).not.toBeNull();
    expect((await callerFor(database.db, f.bayviewAdmin).apiKey.list()).map((item) => item.name)).not.toContain("Sunrise only");
  });
});
