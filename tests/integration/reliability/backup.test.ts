import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupPglite } from "@/scripts/db-backup";
import { restorePglite } from "@/scripts/db-restore";
import { openPglite, pgliteExecutor, prismaForPglite } from "@/server/db";
import { applyPendingMigrations } from "@/server/db/migrations";
import { lockPathFor } from "@/server/db/pglite-lock";
import { callerFor, createFixtures } from "../../helpers/fixtures";

// The embedded database's backup is a tarball of its data folder: a restore must give back every row.
const checkedTables = ["organization", "user", "campaign", "service_record", "credit_transaction", "audit_log", "_prisma_migrations"];

type Fingerprint = Record<string, { rows: number; checksum: string }>;

/** Row count and an md5 over every row (as text, in id order) of each checked table. */
async function fingerprintOf(dir: string): Promise<Fingerprint> {
  const { pglite, close } = await openPglite("backup test", dir);
  try {
    const fingerprint: Fingerprint = {};
    for (const table of checkedTables) {
      const orderBy = table === "_prisma_migrations" ? "migration_name" : "id";
      const [row] = (await pglite.query<{ rows: number; checksum: string | null }>(`SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t.${orderBy})) AS checksum FROM "${table}" AS t`)).rows;
      fingerprint[table] = { rows: row!.rows, checksum: row!.checksum ?? "" };
    }
    return fingerprint;
  } finally {
    await close();
  }
}

describe("backup and restore of the embedded database", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "autopulse-backup-"));
  const source = path.join(root, "pglite");
  const backupFile = path.join(root, "backups", "pglite.tar.gz");
  let original: Fingerprint;
  let holder: ChildProcess | undefined;

  beforeAll(async () => {
    const { pglite, close } = await openPglite("backup test setup", source);
    const db = prismaForPglite(pglite);
    try {
      await applyPendingMigrations(pgliteExecutor(pglite));
      const f = await createFixtures(db);
      const asManager = callerFor(db, f.sunriseManager);
      const campaign = await asManager.campaign.create({ name: "Winter tires", description: "Before the snow", type: "service_reminder" });
      const csv = ["name,phone,vehicle", ...Array.from({ length: 250 }, (_, index) => `Customer ${index},+1614555${String(index).padStart(4, "0")},Car ${index}`)].join("\n");
      await asManager.serviceRecord.importCsv({ csv, mapping: { customer_name: "name", customer_phone: "phone", vehicle_info: "vehicle" }, campaignId: String(campaign.id), mode: "all_or_nothing", dryRun: false });
      await callerFor(db, f.superAdmin).organization.adjustCredits({ organizationId: f.bayview.id, direction: "add", amount: "25.00", reason: "Backup test" });
    } finally {
      await db.$disconnect();
      await close();
    }
    original = await fingerprintOf(source);
  }, 120_000);

  afterAll(() => {
    holder?.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("backs up a folder with data and restores it into a fresh folder with the same rows", async () => {
    expect(original.service_record!.rows).toBe(250);
    expect(original.credit_transaction!.rows).toBe(1);
    const backup = await backupPglite(source, backupFile);
    expect(backup.bytes).toBeGreaterThan(0);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);

    const restored = path.join(root, "restored");
    const result = await restorePglite(backupFile, restored);
    expect(result).toMatchObject({ dir: restored, previous: null });
    expect(result.migrations).toBe(original._prisma_migrations!.rows);
    expect(await fingerprintOf(restored)).toEqual(original);
    // The original is untouched by the backup.
    expect(await fingerprintOf(source)).toEqual(original);
  }, 120_000);

  it("refuses to restore over a folder that holds data, unless forced, and then keeps the replaced folder", async () => {
    const target = path.join(root, "occupied");
    await restorePglite(backupFile, target);
    await expect(restorePglite(backupFile, target)).rejects.toThrow(/is not empty.*--force/);
    const result = await restorePglite(backupFile, target, { force: true });
    expect(result.previous).toMatch(/occupied\.before-restore-\d{14}$/);
    expect(fs.existsSync(path.join(result.previous!, "PG_VERSION"))).toBe(true);
    expect(await fingerprintOf(target)).toEqual(original);
  }, 120_000);

  it("refuses a file that is not a backup, and a missing one, leaving the target folder as it was", async () => {
    const junk = path.join(root, "junk.tar.gz");
    fs.writeFileSync(junk, "not a tarball");
    const target = path.join(root, "never");
    await expect(restorePglite(junk, target)).rejects.toThrow(/is not a backup of the embedded database/);
    expect(fs.existsSync(target)).toBe(false);
    await expect(restorePglite(path.join(root, "missing.tar.gz"), target)).rejects.toThrow(/There is no backup file/);
  }, 60_000);

  it("refuses to back up or restore while another process (the app) holds the folder's lock", async () => {
    holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    const lockFile = lockPathFor(source);
    fs.writeFileSync(lockFile, JSON.stringify({ pid: holder.pid, purpose: "app server", since: new Date().toISOString() }));
    try {
      await expect(backupPglite(source, path.join(root, "while-running.tar.gz"))).rejects.toThrow(`is in use by process ${holder.pid} (app server`);
      expect(fs.existsSync(path.join(root, "while-running.tar.gz"))).toBe(false);
      await expect(restorePglite(backupFile, source, { force: true })).rejects.toThrow(`is in use by process ${holder.pid}`);
      expect(await fingerprintOfUnlocked()).toEqual(original);
    } finally {
      fs.rmSync(lockFile, { force: true });
      holder.kill();
    }

    async function fingerprintOfUnlocked() {
      fs.rmSync(lockFile, { force: true });
      return fingerprintOf(source);
    }
  }, 60_000);

  it("refuses to back up a folder without a database, or over an existing file", async () => {
    await expect(backupPglite(path.join(root, "nothing-here"), path.join(root, "x.tar.gz"))).rejects.toThrow(/There is no embedded database in/);
    await expect(backupPglite(source, backupFile)).rejects.toThrow(/already exists/);
  });
});
