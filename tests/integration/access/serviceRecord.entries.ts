import { expect } from "vitest";
import type { AccessEntries, CallerName, Check } from "./matrix";
import { jsonText, sunriseOperationsState, sunriseRows, unique } from "./campaign-data";
import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";

const resolves: Check = (result) => expect(result).toBeTruthy();
const seesNoSunriseRecords: Check = (result) => expect(jsonText(result)).not.toContain("Customer ");

/** Sunrise callers get a Sunrise campaign; the others get Sunrise's id too, which they must not reach. */
async function campaignIdFor(f: Fixtures, _caller: CallerName, database: TestDatabase) {
  return (await sunriseRows(database, f)).campaign.id;
}

export const entries: AccessEntries = {
  "serviceRecord.list": {
    type: "query",
    input: () => ({ search: "customer" }),
    expect: { signedOut: "UNAUTHORIZED", superAdmin: seesNoSunriseRecords, admin: resolves, manager: resolves, foreign: seesNoSunriseRecords },
  },
  "serviceRecord.byId": {
    type: "query",
    input: async (f, _caller, database) => ({ id: (await sunriseRows(database, f)).record.id }),
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
  "serviceRecord.create": {
    type: "mutation",
    input: async (f, caller, database) => ({ customerName: unique(`Created by ${caller}`), customerPhone: "(614) 555-0199", campaignId: String(await campaignIdFor(f, caller, database)) }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
  "serviceRecord.update": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await sunriseRows(database, f)).bareRecord.id, customerName: unique(`Edited by ${caller}`), customerPhone: "614-555-0123", doNotCall: true }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
  "serviceRecord.delete": {
    type: "mutation",
    input: async (f, _caller, database) => ({ id: (await database.db.serviceRecord.create({ data: { organizationId: f.sunrise.id, customerName: unique("To delete") } })).id }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
  "serviceRecord.importCsv": {
    type: "mutation",
    input: async (f, caller, database) => ({
      csv: `name,phone\n${unique(`Imported by ${caller}`)},614-555-0177\n`,
      mapping: { customer_name: "name", customer_phone: "phone" },
      campaignId: String(await campaignIdFor(f, caller, database)),
      mode: "all_or_nothing",
      dryRun: false,
    }),
    state: sunriseOperationsState,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ written: true, created: 1 }),
      manager: (result) => expect(result).toMatchObject({ written: true, created: 1 }),
      foreign: "NOT_FOUND",
    },
  },
};

