import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { decryptSecret, encryptSecret } from "@/server/services/encryption";

process.env.ENCRYPTION_KEY ||= crypto.randomBytes(32).toString("base64");

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

function issuePaths(error: TRPCError): string[] {
  return ((error.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues ?? []).map((issue) => issue.path.map(String).join("."));
}

const json = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));

const secret = "cdk-super-secret-value-3f2a";
const cdk = {
  name: "CDK Drive",
  type: "CDK" as const,
  config: { dealerId: "CDK-31049", endpointUrl: "https://api.cdk.example/v1", clientId: "client-7", secret, syncIntervalMinutes: 60 },
};

describe("secret encryption", () => {
  it("round-trips with a fresh IV each time and refuses a tampered value or another key", () => {
    const first = encryptSecret("hunter2-secret");
    const second = encryptSecret("hunter2-secret");
    expect(first).not.toBe(second);
    expect(first).not.toContain("hunter2");
    expect(decryptSecret(first)).toBe("hunter2-secret");
    const [version, iv, tag, ciphertext] = first.split(".") as [string, string, string, string];
    const flipped = `${ciphertext.slice(0, -2)}${ciphertext.endsWith("AA") ? "BB" : "AA"}`;
    expect(() => decryptSecret([version, iv, tag, flipped].join("."))).toThrow();
    expect(() => decryptSecret(first, crypto.randomBytes(32))).toThrow();
  });
});

describe.each(databaseKinds)("dmsIntegration router on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  async function everythingStored(): Promise<string> {
    const rows = await database.sql(`SELECT config::text AS config FROM dms_integration`);
    const audit = await database.sql(`SELECT old_value::text AS old_value, new_value::text AS new_value FROM audit_log`);
    return json([rows, audit]);
  }

  it("encrypts the secret at rest and only ever shows it masked", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const created = await admin.dmsIntegration.create(cdk);
    expect(created.config).toMatchObject({ dealerId: "CDK-31049", secret: "••••3f2a" });
    const listed = await admin.dmsIntegration.list();
    expect(json(listed)).not.toContain(secret);
    expect(listed.find((row) => row.id === created.id)?.config).toMatchObject({ secret: "••••3f2a" });
    expect(await everythingStored()).not.toContain(secret);
    const stored = (await database.db.dmsIntegration.findUniqueOrThrow({ where: { id: created.id } })).config as { secret: string };
    expect(stored.secret).toMatch(/^v1\./);
    expect(decryptSecret(stored.secret)).toBe(secret);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "dms_integration", entityId: String(created.id), action: "create" } });
    expect(audit.newValue).toMatchObject({ name: "CDK Drive", type: "CDK", config: { dealerId: "CDK-31049", secret: "••••" } });
  });

  it("keeps the stored secret when an edit leaves it empty, and replaces it when given", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const created = await admin.dmsIntegration.create({ ...cdk, name: "CDK second store" });
    const edited = await admin.dmsIntegration.update({ id: created.id, ...cdk, name: "CDK renamed", config: { ...cdk.config, syncIntervalMinutes: 30, secret: "" } });
    expect(edited.config).toMatchObject({ syncIntervalMinutes: 30, secret: "••••3f2a" });
    const kept = (await database.db.dmsIntegration.findUniqueOrThrow({ where: { id: created.id } })).config as { secret: string };
    expect(decryptSecret(kept.secret)).toBe(secret);
    const replacement = "a-brand-new-secret-77b1";
    const replaced = await admin.dmsIntegration.update({ id: created.id, ...cdk, config: { ...cdk.config, secret: replacement } });
    expect(replaced.config).toMatchObject({ secret: "••••77b1" });
    expect(await everythingStored()).not.toContain(replacement);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "dms_integration", entityId: String(created.id) }, orderBy: { id: "desc" } });
    expect(audit.newValue).toMatchObject({ secretReplaced: true, config: { secret: "••••" } });
  });

  it("masks secret-looking keys of an Other integration's free JSON", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const created = await admin.dmsIntegration.create({ name: "Homegrown", type: "Other", config: '{"host": "dms.local", "apiKey": "other-secret-9999"}' });
    expect(created.config).toEqual({ host: "dms.local", apiKey: "••••9999" });
    expect(await everythingStored()).not.toContain("other-secret-9999");
    // Sending the masked value back keeps the stored secret.
    const edited = await admin.dmsIntegration.update({ id: created.id, name: "Homegrown", type: "Other", config: { host: "dms2.local", apiKey: "••••9999" } });
    expect(edited.config).toEqual({ host: "dms2.local", apiKey: "••••9999" });
    const bad = await errorOf(admin.dmsIntegration.create({ name: "Broken", type: "Other", config: "{not json" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("config");
  });

  it("validates each type's own config", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const missingSecret = await errorOf(admin.dmsIntegration.create({ ...cdk, config: { ...cdk.config, secret: "" } }));
    expect(missingSecret.code).toBe("BAD_REQUEST");
    expect(issuePaths(missingSecret)).toContain("config.secret");
    const badUrl = await errorOf(admin.dmsIntegration.create({ ...cdk, config: { ...cdk.config, endpointUrl: "ftp://x" } }));
    expect(issuePaths(badUrl)).toContain("config.endpointUrl");
    const badInterval = await errorOf(admin.dmsIntegration.create({ ...cdk, config: { ...cdk.config, syncIntervalMinutes: 1 } }));
    expect(issuePaths(badInterval)).toContain("config.syncIntervalMinutes");
    const badType = await errorOf(admin.dmsIntegration.create({ ...cdk, type: "Sage" } as never));
    expect(badType.code).toBe("BAD_REQUEST");
    const pbs = await admin.dmsIntegration.create({ name: "PBS", type: "PBS", config: { dealerId: "PBS-9", endpointUrl: "https://pbs.example", secret: "pbs-key-1234", syncIntervalMinutes: 120 } });
    expect(pbs.config).not.toHaveProperty("clientId");
  });

  it("activates, deactivates and deletes with audit rows; Managers and other organizations are refused", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const created = await admin.dmsIntegration.create({ ...cdk, name: "To remove" });
    expect((await admin.dmsIntegration.setActive({ id: created.id, isActive: false })).isActive).toBe(false);
    expect((await errorOf(callerFor(database.db, f.sunriseManager).dmsIntegration.list())).code).toBe("FORBIDDEN");
    const bayview = callerFor(database.db, f.bayviewAdmin);
    expect((await errorOf(bayview.dmsIntegration.update({ id: created.id, ...cdk }))).code).toBe("NOT_FOUND");
    expect((await errorOf(bayview.dmsIntegration.setActive({ id: created.id, isActive: true }))).code).toBe("NOT_FOUND");
    expect((await errorOf(bayview.dmsIntegration.delete({ id: created.id }))).code).toBe("NOT_FOUND");
    expect(json(await bayview.dmsIntegration.list())).not.toContain("To remove");
    await admin.dmsIntegration.delete({ id: created.id });
    expect(await database.db.dmsIntegration.count({ where: { id: created.id } })).toBe(0);
    const actions = await database.db.auditLog.findMany({ where: { entity: "dms_integration", entityId: String(created.id) }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((row) => row.action)).toEqual(["create", "update", "delete"]);
    expect(await everythingStored()).not.toContain(secret);
  });
});
