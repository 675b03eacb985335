import { expect } from "vitest";
import type { AccessEntries } from "./matrix";
import { sunriseOperationsState, sunriseRows, weekdaySchedule } from "./campaign-data";

export const entries: AccessEntries = {
  "scheduleConfig.get": {
    type: "query",
    input: async (f, _caller, database) => ({ campaignId: (await sunriseRows(database, f)).campaign.id }),
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ config: { maxAttempts: 3 }, concurrencyLimit: 5 }),
      manager: (result) => expect(result).toMatchObject({ config: { maxAttempts: 3 } }),
      foreign: "NOT_FOUND",
    },
  },
  "scheduleConfig.upsert": {
    type: "mutation",
    input: async (f, _caller, database) => ({ campaignId: (await sunriseRows(database, f, { schedule: false })).campaign.id, ...weekdaySchedule, maxAttempts: 4 }),
    state: sunriseOperationsState,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ config: { maxAttempts: 4 } }),
      manager: (result) => expect(result).toMatchObject({ config: { maxAttempts: 4 } }),
      foreign: "NOT_FOUND",
    },
  },
};
