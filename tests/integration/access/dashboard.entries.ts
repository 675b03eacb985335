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

const platformOnly = { signedOut: "UNAUTHORIZED", admin: "FORBIDDEN", manager: "FORBIDDEN", foreign: "FORBIDDEN" } as const;

export const entries: AccessEntries = {
  "dashboard.summary": { type: "query", input: () => ({ period: "30d" }), expect: everyoneInTheirOwnOrganization },
  "dashboard.timeseries": { type: "query", input: () => ({ period: "7d" }), expect: everyoneInTheirOwnOrganization },
  "dashboard.platformSummary": {
    type: "query",
    input: () => ({ period: "30d" }),
    expect: {
      ...platformOnly,
      // Both service centers, never the platform's own organization.
      superAdmin: (result, { f }) => {
        const ids = (result as { organizations: { organizationId: string }[] }).organizations.map((row) => row.organizationId);
        expect(ids).toEqual(expect.arrayContaining([f.sunrise.id, f.bayview.id]));
        expect(ids).not.toContain(f.platform.id);
      },
    },
  },
  "dashboard.compareOrganization": {
    type: "query",
    input: (f) => ({ period: "7d", organizationId: f.sunrise.id }),
    expect: { ...platformOnly, superAdmin: (result, { f }) => expect(result).toMatchObject({ organization: { id: f.sunrise.id } }) },
  },
};
