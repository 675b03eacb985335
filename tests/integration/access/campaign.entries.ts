import { expect } from "vitest";
import { leavesFirstOrganizationUnchanged } from "./matrix";
import type { AccessEntries, Check } from "./matrix";
import { jsonText, sunriseOperationsState, sunriseRows, unique } from "./campaign-data";

const ownOrganizationOnly: Check = (result, { f }) => {
  expect(jsonText(result)).not.toContain("Sunrise campaign");
  expect(f).toBeDefined();
};

const sunriseOk: Check = (result) => {
  expect(result).toBeTruthy();
};

export const entries: AccessEntries = {
  "campaign.list": {
    type: "query",
    input: () => ({}),
    expect: { signedOut: "UNAUTHORIZED", superAdmin: ownOrganizationOnly, admin: sunriseOk, manager: sunriseOk, foreign: ownOrganizationOnly },
  },
  "campaign.byId": {
    type: "query",
    input: async (f, _caller, database) => ({ id: (await sunriseRows(database, f)).campaign.id }),
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: sunriseOk, manager: sunriseOk, foreign: "NOT_FOUND" },
  },
  "campaign.preview": {
    type: "query",
    input: async (f, _caller, database) => ({ id: (await sunriseRows(database, f)).campaign.id }),
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ eligibility: { eligible: 1 } }),
      manager: (result) => expect(result).toMatchObject({ eligibility: { eligible: 1 } }),
      foreign: "NOT_FOUND",
    },
  },
  "campaign.create": {
    type: "mutation",
    input: (_f, caller) => ({ name: unique(`Created by ${caller}`), description: "", type: "recall" }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: leavesFirstOrganizationUnchanged(), admin: sunriseOk, manager: sunriseOk, foreign: sunriseOk },
  },
  "campaign.update": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await sunriseRows(database, f)).campaign.id, name: unique(`Renamed by ${caller}`), description: "x", type: "custom" }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: sunriseOk, manager: sunriseOk, foreign: "NOT_FOUND" },
  },
  "campaign.setStatus": {
    type: "mutation",
    input: async (f, _caller, database) => ({ id: (await sunriseRows(database, f)).campaign.id, status: "Scheduled" }),
    state: sunriseOperationsState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: sunriseOk, manager: sunriseOk, foreign: "NOT_FOUND" },
  },
};
