import { expect } from "vitest";
import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";

// THE access matrix: every procedure of appRouter declares who may call it, in a `<domain>.entries.ts`
// file beside this one (`export const entries: AccessEntries`); access-matrix.test.ts collects them all. Sunrise is "the first
// organization": inputs carry its real ids, and `foreign` is Bayview's Admin trying to use them.
// A procedure missing from the matrix fails the first test below.
//
// Adding an entry: `type` as declared in the router; `input` builds a valid input (it may create rows
// first, e.g. a fresh record for each caller of a `delete`); `expect` gives each caller's outcome, or a
// Check when the call must resolve and you want to say more about it; mutations name the `state` they
// could touch in the first organization: a refused call (and any call by `foreign`) must leave it, and
// the audit log, as they were. Callers run in the order of `callerNames`, on one shared database.

export type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
export type CallerName = "signedOut" | "superAdmin" | "admin" | "manager" | "foreign";
export const callerNames: CallerName[] = ["signedOut", "superAdmin", "admin", "manager", "foreign"];

export type MatrixContext = { database: TestDatabase; f: Fixtures; caller: CallerName };
/** The first organization's data a mutation could touch, read before and after each call. */
export type StateReader = (database: TestDatabase, f: Fixtures, input: unknown) => Promise<unknown>;
/** A call that must resolve, with more to say about its result (which organization it concerns, what changed). */
export type Check = (result: unknown, context: MatrixContext & { before: unknown; after: unknown }) => void | Promise<void>;
export type Expectation = Outcome | Check;

type EntryBase = {
  /** A valid input for this caller; omit for procedures without input. */
  input?: (f: Fixtures, caller: CallerName, database: TestDatabase) => unknown;
  expect: Record<CallerName, Expectation>;
};
export type Entry = (EntryBase & { type: "query"; state?: StateReader }) | (EntryBase & { type: "mutation"; state: StateReader });

export type AccessEntries = Record<string, Entry>;

// ---------------------------------------------------------------------------------------------
// Helpers for entries

/** The organization a caller works in when it does not act as another one. */
export function homeOrganization(f: Fixtures, caller: CallerName) {
  if (caller === "superAdmin") return f.platform;
  if (caller === "foreign") return f.bayview;
  return f.sunrise;
}

/** Resolves, and the result is the given organization (or a row of it). */
export function concernsOrganization(pick: (f: Fixtures) => { id: string }): Check {
  return (result, { f }) => {
    expect(result).toMatchObject({ id: pick(f).id });
  };
}

/** Resolves, and the first organization's state did not move. */
export function leavesFirstOrganizationUnchanged(then?: Check): Check {
  return async (result, context) => {
    expect(context.after).toEqual(context.before);
    await then?.(result, context);
  };
}
