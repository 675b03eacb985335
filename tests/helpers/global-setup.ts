import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { pgClientExecutor, pgliteExecutor } from "@/server/db";
import { applyPendingMigrations } from "@/server/db/migrations";

// Migrates once: an embedded data folder that every test file loads (initdb is the slow part),
// and, when TEST_DATABASE_URL is set, a template database that every test file clones.
// Per run, so that concurrent runs against one server do not drop each other's template.
export const templateDatabaseName = `autopulse_test_template_${process.pid}`;

async function migratedPgliteSnapshot(): Promise<string> {
  const pglite = new PGlite();
  await applyPendingMigrations(pgliteExecutor(pglite));
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "autopulse-test-")), "pglite.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

async function migratedServerTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${templateDatabaseName}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${templateDatabaseName}`;
  const client = new pg.Client({ connectionString: templateUrl.toString() });
  await client.connect();
  try {
    await applyPendingMigrations(pgClientExecutor(client));
  } finally {
    await client.end();
  }
}

export default async function setup() {
  process.env.AUTOPULSE_TEST_PGLITE_SNAPSHOT = await migratedPgliteSnapshot();
  process.env.AUTOPULSE_TEST_TEMPLATE_DATABASE = templateDatabaseName;
  if (process.env.TEST_DATABASE_URL) await migratedServerTemplate(process.env.TEST_DATABASE_URL);
  return async () => {
    fs.rmSync(path.dirname(process.env.AUTOPULSE_TEST_PGLITE_SNAPSHOT!), { recursive: true, force: true });
    if (!process.env.TEST_DATABASE_URL) return;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabaseName} WITH (FORCE)`);
    await admin.end();
  };
}
