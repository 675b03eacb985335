import { expect } from "vitest";
import type { AccessEntries, Check } from "./matrix";
import { jsonText, sunriseOperationsState, sunriseRows } from "./campaign-data";

const resolves: Check = (result) => expect(result).toBeTruthy();
const seesNoSunriseBookings: Check = (result, { f }) => expect(jsonText(result)).not.toContain(f.sunrise.id);

export const entries: AccessEntries = {
  "booking.list": {
    type: "query",
    input: () => ({}),
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result) => expect(result).toEqual([]),
      admin: resolves,
      manager: resolves,
      foreign: (result, context) => {
        expect(jsonText(result)).not.toContain("Customer ");
        return seesNoSunriseBookings(result, context);
      },
    },
  },
  "booking.create": {
    type: "mutation",
    input: async (f, _caller, database) => {
      const rows = await sunriseRows(database, f);
      return { serviceRecordId: String(rows.bareRecord.id), callId: String(rows.call.id), scheduledTime: new Date("2026-12-02T14:00:00Z") };
    },
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
  "booking.byId": {
    type: "query",
    input: async (f, _caller, database) => ({ id: String((await sunriseRows(database, f)).booking.id) }),
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ serviceRecord: { customerName: expect.stringContaining("Customer ") }, campaign: { name: expect.stringContaining("Sunrise campaign") } }),
      manager: resolves,
      foreign: "NOT_FOUND",
    },
  },
  "booking.update": {
    type: "mutation",
    input: async (f, _caller, database) => {
      const { booking } = await sunriseRows(database, f);
      return { id: booking.id, expectedUpdatedAt: booking.updatedAt, scheduledTime: new Date("2026-12-03T14:00:00Z") };
    },
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
  "booking.setStatus": {
    type: "mutation",
    input: async (f, _caller, database) => ({ id: (await sunriseRows(database, f)).booking.id, status: "Confirmed" }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
};
