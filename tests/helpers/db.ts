import crypto from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll } from "vitest";
import { prismaForPglite, prismaForUrl } from "@/server/db";
import type { Database } from "@/server/db";

export type TestDatabase = {
  kind: "pglite" | "postgresql";
  db: Database;
  /** Runs SQL directly, outside Prisma (setup that Prisma cannot express, e.g. a failing trigger). */
  sql: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
};


async function pgliteDatabase(): Promise<TestDatabase> {
  const snapshot = fs.readFileSync(process.env.AUTOPULSE_TEST_PGLITE_SNAPSHOT!);
  const pglite = new PGlite({ loadDataDir: new Blob([snapshot]) });
  await pglite.waitReady;
  const db = prismaForPglite(pglite);
  afterAll(async () => {
    await db.$disconnect();
    await pglite.close();
  });
  return { kind: "pglite", db, sql: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows };
}

async function serverDatabase(url: string): Promise<TestDatabase> {
  const name = `autopulse_test_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.AUTOPULSE_TEST_TEMPLATE_DATABASE}`);
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  const db = prismaForUrl(databaseUrl.toString());
  const direct = new pg.Pool({ connectionString: databaseUrl.toString(), max: 2 });
  afterAll(async () => {
    await db.$disconnect();
    await direct.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return { kind: "postgresql", db, sql: async (text, params) => (await direct.query(text, params)).rows };
}

/** The databases this run tests against: always an in-memory PGlite, plus the server when TEST_DATABASE_URL is set. */
export const databaseKinds: ("pglite" | "postgresql")[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];

export function createTestDatabase(kind: "pglite" | "postgresql"): Promise<TestDatabase> {
  return kind === "pglite" ? pgliteDatabase() : serverDatabase(process.env.TEST_DATABASE_URL!);
}
