import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { appRouter } from "@/server/api/root";
import type { TestDatabase } from "../../helpers/db";
import type { Fixtures, FixtureUser } from "../../helpers/fixtures";
import type { AccessEntries, CallerName, Entry } from "../access/matrix";

// Shared by the security sweeps: every procedure of appRouter with its access-matrix entry (which
// knows a valid input), its zod input schema, and the most privileged caller that may use it.

const entryModules = import.meta.glob<{ entries: AccessEntries }>("../access/*.entries.ts", { eager: true });
export const accessEntries: AccessEntries = Object.assign({}, ...Object.values(entryModules).map((module) => module.entries));

type ProcedureDefinition = { type: "query" | "mutation" | "subscription"; inputs: unknown[] };

export function procedureDefinitions(): Record<string, ProcedureDefinition> {
  const procedures: Record<string, unknown> = appRouter._def.procedures;
  return Object.fromEntries(Object.entries(procedures).map(([path, procedure]) => [path, (procedure as { _def: ProcedureDefinition })._def]));
}

/** The input schema of a procedure (tRPC keeps every `.input()` of the chain; ours use one). */
export function inputSchemaOf(definition: ProcedureDefinition): z.ZodType | null {
  const schemas = definition.inputs.filter((input): input is z.ZodType => input instanceof z.ZodType);
  return schemas.length === 1 ? schemas[0]! : schemas.length > 1 ? z.intersection(schemas[0]!, schemas[1]!) : null;
}

const isRefusal = (expectation: Entry["expect"][CallerName]) => typeof expectation === "string" && expectation !== "ok";

/** Admin for the organization's procedures, the super admin for the platform's: whoever the matrix lets in first. */
export function privilegedCallerFor(entry: Entry): "admin" | "superAdmin" | null {
  if (!isRefusal(entry.expect.admin)) return "admin";
  if (!isRefusal(entry.expect.superAdmin)) return "superAdmin";
  return null;
}

export function fixtureUserFor(f: Fixtures, caller: "admin" | "superAdmin"): FixtureUser {
  return caller === "admin" ? f.sunriseAdmin : f.superAdmin;
}

/** The caller's function at a dotted path ("organization.current"). */
export function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  const target = path.split(".").reduce<unknown>((node, key) => (node === null || node === undefined ? undefined : Reflect.get(Object(node), key)), caller);
  if (typeof target !== "function") throw new Error(`No procedure at ${path}`);
  return target as (input: unknown) => Promise<unknown>;
}

export type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

export async function settle(promise: Promise<unknown>): Promise<Settled> {
  return promise.then(
    (value): Settled => ({ ok: true, value }),
    (error: unknown): Settled => ({ ok: false, error }),
  );
}

/** INTERNAL_SERVER_ERROR, or anything thrown that is not a TRPCError (the HTTP handler turns that into a 500 too). */
export function isServerError(settled: Settled): boolean {
  if (settled.ok) return false;
  return !(settled.error instanceof TRPCError) || settled.error.code === "INTERNAL_SERVER_ERROR";
}

export function describeError(error: unknown): string {
  if (error instanceof TRPCError) {
    const cause = error.cause as { code?: unknown; meta?: unknown } | undefined;
    const databaseCode = cause?.code ? ` (database error ${String(cause.code)} ${JSON.stringify(cause.meta ?? {}).slice(0, 200)})` : "";
    return `${error.code}: ${error.message.replace(/\s+/g, " ").slice(-200)}${databaseCode}`;
  }
  return String(error).slice(0, 400);
}

const checksumQueries = new WeakMap<TestDatabase, string>();

/**
 * A fingerprint of every application table: equal before and after means nothing was written. Per
 * table the row count and the newest row version (xmin): an insert or update makes a row version with
 * a newer transaction id, a delete lowers the count; rolled-back writes stay invisible. Cheap even when
 * accepted inputs stored megabytes of text.
 */
export async function databaseChecksum(database: TestDatabase): Promise<string> {
  let query = checksumQueries.get(database);
  if (!query) {
    const tables = await database.sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
    );
    const parts = tables.map(({ table_name }) => `SELECT '${String(table_name)}:' || count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS part FROM "${String(table_name)}"`);
    query = `SELECT string_agg(part, ',' ORDER BY part) AS checksum FROM (${parts.join(" UNION ALL ")}) tables`;
    checksumQueries.set(database, query);
  }
  const [row] = await database.sql(query);
  return String(row?.checksum);
}

/**
 * Puts the fixture users and organizations back as they were (active, same role and session
 * version), so a mutation that deactivated or demoted one does not turn the rest of a sweep into FORBIDDENs.
 */
export async function restoreFixtures(database: TestDatabase, f: Fixtures): Promise<void> {
  const users = [f.superAdmin, f.sunriseAdmin, f.sunriseManager, f.bayviewAdmin, f.bayviewManager];
  const values = users.map((user) => `(${user.id}, '${user.role}', ${user.sessionVersion})`).join(", ");
  await database.sql(
    `UPDATE "user" SET is_active = true, role = fixture.role::user_role, session_version = fixture.session_version
     FROM (VALUES ${values}) AS fixture (id, role, session_version)
     WHERE "user".id = fixture.id AND ("user".is_active IS NOT TRUE OR "user".role <> fixture.role::user_role OR "user".session_version <> fixture.session_version)`,
  );
  await database.sql(`UPDATE organization SET is_active = true WHERE NOT is_active AND id IN ($1, $2, $3)`, [f.platform.id, f.sunrise.id, f.bayview.id]);
}
