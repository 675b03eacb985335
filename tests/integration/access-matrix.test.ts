import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures, FixtureUser } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { callerNames } from "./access/matrix";
import type { AccessEntries, CallerName, Entry, Expectation, Outcome } from "./access/matrix";

// Every `<domain>.entries.ts` in ./access: one file per router, so parallel work never edits one shared table.
const entryModules = import.meta.glob<{ entries: AccessEntries }>("./access/*.entries.ts", { eager: true });
const accessMatrix: AccessEntries = Object.assign({}, ...Object.values(entryModules).map((module) => module.entries));

// ---------------------------------------------------------------------------------------------
// The runner

type ProcedureType = "query" | "mutation" | "subscription";

function procedureTypeOf(procedure: unknown): ProcedureType | null {
  if ((typeof procedure !== "function" && typeof procedure !== "object") || procedure === null || !("_def" in procedure)) return null;
  const definition: unknown = procedure._def;
  if (typeof definition !== "object" || definition === null || !("type" in definition)) return null;
  const type: unknown = definition.type;
  return type === "query" || type === "mutation" || type === "subscription" ? type : null;
}

/** Every procedure of appRouter by dotted path; tRPC keeps them flat in `_def.procedures`. */
function appRouterProcedures(): Record<string, ProcedureType | null> {
  const procedures: Record<string, unknown> = appRouter._def.procedures;
  return Object.fromEntries(Object.entries(procedures).map(([path, procedure]) => [path, procedureTypeOf(procedure)]));
}

function userFor(f: Fixtures, caller: CallerName): FixtureUser | null {
  const users: Record<CallerName, FixtureUser | null> = {
    signedOut: null,
    superAdmin: f.superAdmin,
    admin: f.sunriseAdmin,
    manager: f.sunriseManager,
    foreign: f.bayviewAdmin,
  };
  return users[caller];
}

/** The caller's function at a dotted path ("organization.current"). */
function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  const target = path.split(".").reduce<unknown>((node, key) => (node === null || node === undefined ? undefined : Reflect.get(Object(node), key)), caller);
  if (typeof target !== "function") throw new Error(`No procedure at ${path}`);
  return target as (input: unknown) => Promise<unknown>;
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

async function settle(promise: Promise<unknown>): Promise<Settled> {
  return promise.then(
    (value): Settled => ({ ok: true, value }),
    (error: unknown): Settled => ({ ok: false, error }),
  );
}

function describeSettled(settled: Settled): string {
  if (settled.ok) return "resolved";
  return settled.error instanceof TRPCError ? `${settled.error.code}: ${settled.error.message}` : `a non-tRPC error: ${String(settled.error)}`;
}

function expectationName(expectation: Expectation): Outcome {
  return typeof expectation === "function" ? "ok" : expectation;
}

async function totalAuditRows(database: TestDatabase): Promise<number> {
  return database.db.auditLog.count();
}

async function runEntry(database: TestDatabase, f: Fixtures, path: string, entry: Entry, caller: CallerName): Promise<void> {
  const expectation = entry.expect[caller];
  const input: unknown = await entry.input?.(f, caller, database);
  const before = await entry.state?.(database, f, input);
  const auditRowsBefore = await totalAuditRows(database);

  const settled = await settle(procedureAt(callerFor(database.db, userFor(f, caller)), path)(input));

  const after = await entry.state?.(database, f, input);
  // Whatever it is allowed to do in its own organization, another organization's user never changes the first one's data.
  if (caller === "foreign" && entry.type === "mutation") expect(after, `${path} as foreign changed the first organization's data`).toEqual(before);
  const outcome = expectationName(expectation);
  if (outcome === "ok") {
    expect(settled.ok, `${path} as ${caller} should resolve, got ${describeSettled(settled)}`).toBe(true);
    if (settled.ok && typeof expectation === "function") await expectation(settled.value, { database, f, caller, before, after });
    return;
  }
  expect(settled.ok ? null : settled.error, `${path} as ${caller} should fail with ${outcome}, got ${describeSettled(settled)}`).toBeInstanceOf(TRPCError);
  if (!settled.ok && settled.error instanceof TRPCError) expect(settled.error.code, `${path} as ${caller}: ${settled.error.message}`).toBe(outcome);
  if (entry.type === "mutation") {
    expect(after, `a refused ${path} changed the data`).toEqual(before);
    expect(await totalAuditRows(database), `a refused ${path} wrote an audit row`).toBe(auditRowsBefore);
  }
}

// ---------------------------------------------------------------------------------------------

describe("the access matrix", () => {
  const procedures = appRouterProcedures();

  it("has an entry for every procedure of appRouter, and only for those", () => {
    expect(Object.keys(procedures)).toContain("organization.current");
    const missing = Object.keys(procedures).filter((path) => !(path in accessMatrix));
    const unknown = Object.keys(accessMatrix).filter((path) => !(path in procedures));
    expect(
      missing,
      `Procedures without an access-matrix entry: ${missing.join(", ")}. Add each one to tests/integration/access/<domain>.entries.ts, declaring a valid input and the outcome for signedOut, superAdmin, admin, manager and foreign.`,
    ).toEqual([]);
    expect(unknown, `The access matrix names procedures that appRouter does not have: ${unknown.join(", ")}. Rename or remove these entries.`).toEqual([]);
  });

  it("declares each procedure with its real type (query or mutation)", () => {
    for (const [path, entry] of Object.entries(accessMatrix)) {
      if (!(path in procedures)) continue;
      expect(entry.type, `accessMatrix["${path}"].type`).toBe(procedures[path]);
    }
  });
});

describe.each(databaseKinds)("access matrix on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  describe.each(Object.entries(accessMatrix))("%s", (path, entry) => {
    it.each(callerNames.map((caller) => [caller, expectationName(entry.expect[caller])] as const))("%s → %s", async (caller) => {
      await runEntry(database, f, path, entry, caller);
    });
  });
});
