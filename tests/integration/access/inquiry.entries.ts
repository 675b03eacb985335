import { expect } from "vitest";
import { leavesFirstOrganizationUnchanged } from "./matrix";
import type { AccessEntries, Check } from "./matrix";
import { jsonText, sunriseOperationsState, sunriseRows, unique } from "./campaign-data";

const resolves: Check = (result) => expect(result).toBeTruthy();
const seesNoSunriseInquiries: Check = (result) => expect(jsonText(result)).not.toContain("Inquirer ");

export const entries: AccessEntries = {
  "inquiry.list": {
    type: "query",
    input: () => ({}),
    expect: { signedOut: "UNAUTHORIZED", superAdmin: seesNoSunriseInquiries, admin: resolves, manager: resolves, foreign: seesNoSunriseInquiries },
  },
  "inquiry.create": {
    type: "mutation",
    input: (_f, caller) => ({ customerName: unique(`Walk-in for ${caller}`), email: "", phone: "614 555 0150", message: "Tires" }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: leavesFirstOrganizationUnchanged(), admin: resolves, manager: resolves, foreign: resolves },
  },
  "inquiry.byId": {
    type: "query",
    input: async (f, _caller, database) => ({ id: String((await sunriseRows(database, f)).inquiry.id) }),
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: (result) => expect(result).toMatchObject({ customerName: expect.stringContaining("Inquirer ") }), manager: resolves, foreign: "NOT_FOUND" },
  },
  "inquiry.update": {
    type: "mutation",
    input: async (f, caller, database) => {
      const { inquiry } = await sunriseRows(database, f);
      return { id: inquiry.id, expectedUpdatedAt: inquiry.updatedAt, customerName: unique(`Edited by ${caller}`), email: "a@b.test", phone: "", message: "" };
    },
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
  "inquiry.setStatus": {
    type: "mutation",
    input: async (f, _caller, database) => ({ id: (await sunriseRows(database, f)).inquiry.id, status: "InProgress" }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
  "inquiry.convertToServiceRecord": {
    type: "mutation",
    input: async (f, _caller, database) => {
      const rows = await sunriseRows(database, f);
      return { id: rows.inquiry.id, campaignId: rows.campaign.id, vehicleInfo: "2020 Ford F-150", serviceType: "Brakes" };
    },
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: resolves, manager: resolves, foreign: "NOT_FOUND" },
  },
};
