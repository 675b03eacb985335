import { expect } from "vitest";
import type { AccessEntries, Check } from "./matrix";

const concernsOwnOrganization: Check = (result) => {
  expect(result).toHaveProperty("range");
};

const everyoneInTheirOwnOrganization = {
  signedOut: "UNAUTHORIZED",
  superAdmin: concernsOwnOrganization,
  admin: concernsOwnOrganization,
  manager: concernsOwnOrganization,
  foreign: concernsOwnOrganization,
} as const;

export const entries: AccessEntries = {
  "dashboard.summary": { type: "query", input: () => ({ period: "30d" }), expect: everyoneInTheirOwnOrganization },
  "dashboard.timeseries": { type: "query", input: () => ({ period: "7d" }), expect: everyoneInTheirOwnOrganization },
};
