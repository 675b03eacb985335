import crypto from "node:crypto";
import pg from "pg";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapDatabaseError } from "@/server/api/errors";
import { prismaForUrl } from "@/server/db";
import type { Database } from "@/server/db";
import { callerFor, createFixtures } from "../../helpers/fixtures";
import type { Fixtures } from "../../helpers/fixtures";
import { errorOf } from "../../helpers/errors";

// A server restart, simulated on a database of this test's own: the shared PostgreSQL server keeps running for
// everyone else. pg_terminate_backend ends every connection as a restart would; ALLOW_CONNECTIONS false keeps
// new ones out for a while, as a server that is still starting up does.
const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("the app when the PostgreSQL server restarts", () => {
  const name = `autopulse_restart_${crypto.randomBytes(4).toString("hex")}`;
  let admin: pg.Client;
  let databaseUrl: string;
  let db: Database;
  let f: Fixtures;

  const terminateBackends = async () =>
    (await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name])).rowCount ?? 0;
  const goDown = async () => {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await terminateBackends();
  };
  const comeBack = () => admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.AUTOPULSE_TEST_TEMPLATE_DATABASE}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    db = prismaForUrl(databaseUrl);
    f = await createFixtures(db);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("drops idle connections that the server ended without crashing, and the next queries reconnect", async () => {
    // Fill the pool with a few idle connections, then end them all: each one emits 'error' on the pool.
    await Promise.all([0, 1, 2].map(() => db.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`));
    expect(await terminateBackends()).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await db.organization.count().then(
      (count) => ({ ok: true as const, count }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (!next.ok) expect(mapDatabaseError(next.error)?.code).toBe("SERVICE_UNAVAILABLE");
    expect(await db.organization.count()).toBe(3);
  });

  it("turns a transaction cut off mid-way into SERVICE_UNAVAILABLE, and the next transaction commits", async () => {
    const cutOff = db
      .$transaction(async (tx) => {
        await tx.setting.create({ data: { organizationId: f.sunrise.id, key: "restart_probe", value: "lost" } });
        await tx.$queryRaw`SELECT pg_sleep(2)::text AS slept`;
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await terminateBackends();
    const error = await cutOff;
    expect(error).not.toBeNull();
    expect(mapDatabaseError(error)?.code).toBe("SERVICE_UNAVAILABLE");
    expect(await db.setting.count({ where: { key: "restart_probe" } })).toBe(0);
    await db.$transaction((tx) => tx.setting.create({ data: { organizationId: f.sunrise.id, key: "restart_probe", value: "kept" } }));
    expect(await db.setting.count({ where: { key: "restart_probe" } })).toBe(1);
  });

  it("answers tRPC calls during the outage with SERVICE_UNAVAILABLE (no SQL, no stack), and later calls succeed", async () => {
    const asAdmin = callerFor(db, f.sunriseAdmin);
    expect((await asAdmin.organization.current()).id).toBe(f.sunrise.id);
    await goDown();
    try {
      const error = await errorOf(asAdmin.organization.current());
      expect(error.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.message).toBe("The database is not reachable right now. Please try again in a moment.");
      expect(error.message).not.toMatch(/prisma|SELECT|55000|accepting/i);
    } finally {
      await comeBack();
    }
    expect((await asAdmin.organization.current()).id).toBe(f.sunrise.id);
  });

  it("answers /api/health with 503 during the outage and 200 after it, without restarting the app", async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = databaseUrl;
    const { GET } = await import("@/app/api/health/route");
    try {
      expect((await GET()).status).toBe(200);
      await goDown();
      try {
        const down = await GET();
        expect(down.status).toBe(503);
        expect(await down.json()).toEqual({ status: "error", database: "postgresql" });
      } finally {
        await comeBack();
      }
      const up = await GET();
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ status: "ok", database: "postgresql" });
    } finally {
      const app = (globalThis as { autopulseDatabase?: { client: Database } }).autopulseDatabase;
      await app?.client.$disconnect();
      delete (globalThis as { autopulseDatabase?: unknown }).autopulseDatabase;
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });

  it("maps an unreachable server to SERVICE_UNAVAILABLE", async () => {
    const nowhere = prismaForUrl("postgres://autopulse:autopulse@127.0.0.1:1/none");
    try {
      const error = await nowhere.$queryRaw`SELECT 1`.then(
        () => null,
        (caught: unknown) => caught,
      );
      const mapped = mapDatabaseError(error);
      expect(mapped).toBeInstanceOf(TRPCError);
      expect(mapped?.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await nowhere.$disconnect();
    }
  });
});
