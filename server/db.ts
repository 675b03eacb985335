import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Client as PgClient } from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { acquirePgliteLock } from "./db/pglite-lock";
import type { SqlExecutor } from "./db/migrations";

export type Database = PrismaClient;
export type DatabaseKind = "pglite" | "postgresql";

export function databaseKind(): DatabaseKind {
  return process.env.DATABASE_URL ? "postgresql" : "pglite";
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? ".data/pglite");
}

export function prismaForPglite(pglite: PGlite): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

// node-postgres emits 'error' when an idle pooled connection dies (server restart, pg_terminate_backend);
// unhandled, that event would end the process. The pool drops the dead client and the next query opens a new one.
function logConnectionError(error: Error): void {
  console.warn(`Database connection lost (the next query reconnects): ${error.message}`);
}

/**
 * Settings of every app connection to a PostgreSQL server. No JIT: the planner cannot estimate how many turns a
 * full-text query matches, so a search for a rare phrase (69 turns) was costed as 54,000 rows and compiled for
 * 32 ms to run for 4 (EXPLAIN ANALYZE, 11 M turns); the app's queries are short, JIT never pays for itself here.
 */
export const connectionOptions = "-c jit=off";

export function prismaForUrl(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: connectionOptions },
      { onPoolError: logConnectionError, onConnectionError: logConnectionError },
    ),
  });
}

export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    script: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
  };
}

export function pgClientExecutor(client: PgClient): SqlExecutor {
  return {
    script: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
  };
}

/** Opens the embedded database folder, holding its lock until close(). */
export async function openPglite(purpose: string, dir = pgliteDir()): Promise<{ pglite: PGlite; close: () => Promise<void> }> {
  const release = acquirePgliteLock(dir, purpose);
  try {
    const pglite = new PGlite(dir);
    await pglite.waitReady;
    return {
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

type GlobalDatabase = { client: PrismaClient; kind: DatabaseKind };
const globalForDb = globalThis as unknown as { autopulseDatabase?: GlobalDatabase };

function createAppDatabase(): GlobalDatabase {
  const url = process.env.DATABASE_URL;
  if (url) return { client: prismaForUrl(url), kind: "postgresql" };
  const dir = pgliteDir();
  const release = acquirePgliteLock(dir, "app server");
  const pglite = new PGlite(dir);
  const shutdown = (signal: NodeJS.Signals) => {
    void pglite
      .close()
      .catch(() => undefined)
      .finally(() => {
        release();
        process.kill(process.pid, signal);
      });
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return { client: prismaForPglite(pglite), kind: "pglite" };
}

/**
 * The app's Prisma client, created on first use and kept on globalThis: Next bundles a module
 * once per route entry, and two PGlite instances on one folder corrupt it.
 */
export function getDb(): PrismaClient {
  globalForDb.autopulseDatabase ??= createAppDatabase();
  return globalForDb.autopulseDatabase.client;
}
