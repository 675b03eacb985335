import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const migrationsDir = path.resolve(process.cwd(), "prisma/migrations");

export type Migration = { name: string; sql: string; checksum: string };

/** Runs SQL on one connection; `script` may hold many statements. */
export type SqlExecutor = {
  script(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
};

export function readMigrations(dir = migrationsDir): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

// The same table `prisma migrate deploy` keeps, so either tool can take over a database.
const migrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function appliedMigrationNames(executor: SqlExecutor): Promise<Set<string>> {
  await executor.script(migrationsTable);
  const rows = await executor.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.map((row) => row.migration_name));
}

/**
 * Applies every pending migration, each as one transaction together with its record, so a
 * failing script leaves nothing half applied (the driver adapters split or do not await scripts).
 */
export async function applyPendingMigrations(executor: SqlExecutor, migrations = readMigrations()): Promise<string[]> {
  const applied = await appliedMigrationNames(executor);
  const pending = migrations.filter((migration) => !applied.has(migration.name));
  for (const migration of pending) {
    try {
      await executor.script("BEGIN");
      await executor.script(migration.sql);
      await executor.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [crypto.randomUUID(), migration.checksum, migration.name],
      );
      await executor.script("COMMIT");
    } catch (error) {
      await executor.script("ROLLBACK").catch(() => undefined);
      throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
    }
  }
  return pending.map((migration) => migration.name);
}
