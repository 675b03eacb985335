import { expect } from "vitest";
import { createCall } from "../../helpers/calls";
import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";
import type { AccessEntries, Check, StateReader } from "./matrix";

// Sunrise's call, made once per database, with a transcript turn that search finds.
const sunriseCalls = new WeakMap<Fixtures, Promise<{ callId: bigint; tagId: bigint }>>();

function sunriseCall(f: Fixtures, database: TestDatabase) {
  let made = sunriseCalls.get(f);
  if (!made) {
    made = (async () => {
      const call = await createCall(database.db, f.sunrise.id, { turns: [{ content: "The matrixword appointment is confirmed", atSec: 3 }] });
      const tag = await database.db.tag.create({ data: { organizationId: f.sunrise.id, name: "Matrix", nameKey: "matrix" } });
      return { callId: call.id, tagId: tag.id };
    })();
    sunriseCalls.set(f, made);
  }
  return made;
}

const callState: StateReader = async (database, f) => {
  const { callId } = await sunriseCall(f, database);
  return {
    call: await database.db.call.findUniqueOrThrow({ where: { id: callId }, select: { outcome: true, reviewedAt: true, reviewedBy: true, reviewNotes: true } }),
    tags: await database.db.callTag.findMany({ where: { callId }, select: { tagId: true } }),
    auditRows: await database.db.auditLog.count({ where: { organizationId: f.sunrise.id } }),
  };
};

const stringify = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));

/** Resolves without showing the first organization's call. */
function seesNoSunriseCall(): Check {
  return async (result, { f, database }) => {
    const { callId } = await sunriseCall(f, database);
    expect(stringify(result)).not.toContain(`"id":"${callId}"`);
    expect(stringify(result)).not.toContain(`"callId":"${callId}"`);
  };
}

/** Resolves and shows the first organization's call. */
function seesSunriseCall(): Check {
  return async (result, { f, database }) => {
    const { callId } = await sunriseCall(f, database);
    expect(stringify(result)).toContain(`"${callId}"`);
  };
}

const byCallId = async (f: Fixtures, _caller: unknown, database: TestDatabase) => ({ id: (await sunriseCall(f, database)).callId });

export const entries: AccessEntries = {
  "calls.list": {
    type: "query",
    input: async (f, _caller, database) => {
      await sunriseCall(f, database);
      return {};
    },
    expect: { signedOut: "UNAUTHORIZED", superAdmin: seesNoSunriseCall(), admin: seesSunriseCall(), manager: seesSunriseCall(), foreign: seesNoSunriseCall() },
  },
  "calls.statusCounts": {
    type: "query",
    input: async (f, _caller, database) => {
      await sunriseCall(f, database);
      return {};
    },
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result) => expect(result).toMatchObject({ total: 0 }),
      admin: (result) => expect(result).toMatchObject({ byStatus: { completed: 1 } }),
      manager: (result) => expect(result).toMatchObject({ byStatus: { completed: 1 } }),
      foreign: (result) => expect(result).toMatchObject({ total: 0 }),
    },
  },
  "calls.filterOptions": {
    type: "query",
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "ok",
      admin: async (result, { f, database }) => {
        await sunriseCall(f, database);
        expect(stringify(result)).toContain("Matrix");
      },
      manager: "ok",
      foreign: (result) => expect(stringify(result)).not.toContain("Matrix"),
    },
  },
  "calls.neighbors": {
    type: "query",
    input: byCallId,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: "ok", manager: "ok", foreign: "NOT_FOUND" },
  },
  "calls.byId": {
    type: "query",
    input: byCallId,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: seesSunriseCall(), manager: seesSunriseCall(), foreign: "NOT_FOUND" },
  },
  "calls.search": {
    type: "query",
    input: async (f, _caller, database) => {
      await sunriseCall(f, database);
      return { query: "matrixword" };
    },
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result) => expect(result).toMatchObject({ calls: [] }),
      admin: seesSunriseCall(),
      manager: seesSunriseCall(),
      foreign: (result) => expect(result).toMatchObject({ calls: [], matchEstimate: 0 }),
    },
  },
  "calls.reviewQueue": {
    type: "query",
    input: async (f, _caller, database) => {
      await sunriseCall(f, database);
      return {};
    },
    expect: { signedOut: "UNAUTHORIZED", superAdmin: seesNoSunriseCall(), admin: seesSunriseCall(), manager: seesSunriseCall(), foreign: seesNoSunriseCall() },
  },
  "calls.setReview": {
    type: "mutation",
    input: async (f, caller, database) => ({ ...(await byCallId(f, caller, database)), reviewed: true, outcome: "callback", notes: `Reviewed by ${caller}` }),
    state: callState,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result, { before, after }) => {
        expect(result).toMatchObject({ outcome: "callback", reviewNotes: "Reviewed by admin" });
        expect(after).not.toEqual(before);
      },
      manager: (_result, { after }) => expect(after).toMatchObject({ call: { reviewNotes: "Reviewed by manager" } }),
      foreign: "NOT_FOUND",
    },
  },
  "calls.setTags": {
    type: "mutation",
    input: async (f, _caller, database) => {
      const { callId, tagId } = await sunriseCall(f, database);
      return { id: callId, tagIds: [tagId] };
    },
    state: callState,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (_result, { after }) => expect(after).toMatchObject({ tags: [expect.objectContaining({})] }),
      manager: "ok",
      foreign: "NOT_FOUND",
    },
  },
};
