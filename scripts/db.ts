// The project's database commands: npm run db:migrate | db:diff -- <name> | db:status | db:seed | db:prepare
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseKind, openPglite, pgClientExecutor, pgliteDir, pgliteExecutor, prismaForPglite, prismaForUrl } from "../server/db";
import type { Database } from "../server/db";
import { applyPendingMigrations, migrationsDir, readMigrations } from "../server/db/migrations";
import type { SqlExecutor } from "../server/db/migrations";
import { diffMigrationsToSchema, migrationList, noFilters, startSchemaEngine } from "../server/db/schema-engine";
import { seedDemoData } from "../prisma/seed";

type Connection = { executor: SqlExecutor; db: Database; isNew: boolean };

async function withConnection<T>(purpose: string, work: (connection: Connection) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const db = prismaForUrl(url);
    try {
      return await work({ executor: pgClientExecutor(client), db, isNew: false });
    } finally {
      await db.$disconnect();
      await client.end();
    }
  }
  const dir = pgliteDir();
  const isNew = !fs.existsSync(path.join(dir, "PG_VERSION"));
  const { pglite, close } = await openPglite(purpose, dir);
  const db = prismaForPglite(pglite);
  try {
    return await work({ executor: pgliteExecutor(pglite), db, isNew });
  } finally {
    await db.$disconnect();
    await close();
  }
}

function where(): string {
  return databaseKind() === "postgresql" ? "the PostgreSQL server (DATABASE_URL)" : `the embedded database in ${path.relative(process.cwd(), pgliteDir()) || "."}`;
}

async function migrate(): Promise<void> {
  await withConnection("db:migrate", async ({ executor }) => {
    const applied = await applyPendingMigrations(executor);
    console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where()}: ${applied.join(", ")}` : `${where()} is up to date.`);
  });
}

async function diff(name: string | undefined): Promise<void> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:diff -- <name> (lowercase letters, digits and underscores)");
  const engine = await startSchemaEngine();
  const sql = await diffMigrationsToSchema(engine);
  if (!sql) {
    console.log("prisma/schema.prisma matches the migrations: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  fs.writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
  const drops = sql.split("\n").filter((line) => /\bDROP\b/i.test(line));
  if (drops.length) console.log(`Read these DROP lines before committing:\n${drops.join("\n")}`);
}

async function status(): Promise<void> {
  await withConnection("db:status", async ({ executor }) => {
    const applied = new Set(
      (await executor.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`).catch(() => [])).map(
        (row) => row.migration_name,
      ),
    );
    const pending = readMigrations().filter((migration) => !applied.has(migration.name));
    console.log(`${where()}: ${applied.size} applied, ${pending.length} pending${pending.length ? `: ${pending.map((m) => m.name).join(", ")}` : ""}`);
  });
  const engine = await startSchemaEngine();
  const drift = await diffMigrationsToSchema(engine);
  console.log(drift ? "prisma/schema.prisma has changes that no migration holds yet: run npm run db:diff -- <name>" : "prisma/schema.prisma matches the migrations.");
  void migrationList;
  void noFilters;
}

async function seed(): Promise<void> {
  if (process.env.NODE_ENV === "production" && process.env.SEED_DEMO_DATA !== "1") {
    throw new Error("Refusing to seed demo data with NODE_ENV=production (set SEED_DEMO_DATA=1 to ask for it).");
  }
  await withConnection("db:seed", async ({ executor, db }) => {
    await applyPendingMigrations(executor);
    const result = await seedDemoData(db);
    console.log(result.created ? `Seeded demo data into ${where()}.` : `Demo data already present in ${where()}: nothing to do.`);
  });
}

/** Before the app starts: migrate, and seed the embedded database the first time it is created. */
async function prepare(): Promise<void> {
  await withConnection("db:prepare", async ({ executor, db, isNew }) => {
    const applied = await applyPendingMigrations(executor);
    if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${where()}.`);
    const wantsDemo = databaseKind() === "pglite" && isNew && process.env.NODE_ENV !== "production";
    if (wantsDemo || process.env.SEED_DEMO_DATA === "1") {
      console.log("Seeding demo data (first start)...");
      await seedDemoData(db);
    }
  });
}

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = {
  migrate,
  diff: () => diff(args[0]),
  status,
  seed,
  prepare,
};

const run = commands[command ?? ""];
if (!run) {
  console.error(`Usage: tsx scripts/db.ts <${Object.keys(commands).join("|")}>`);
  process.exit(2);
}
run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
