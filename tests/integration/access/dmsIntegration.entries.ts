import crypto from "node:crypto";
import { expect } from "vitest";
import { leavesFirstOrganizationUnchanged } from "./matrix";
import type { AccessEntries, CallerName, StateReader } from "./matrix";
import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";

// Tests never touch the developer's secrets file.
process.env.ENCRYPTION_KEY ||= crypto.randomBytes(32).toString("base64");

const sunriseIntegrations: StateReader = async (database, f) => ({
  integrations: await database.db.dmsIntegration.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
  auditRows: await database.db.auditLog.count({ where: { organizationId: f.sunrise.id } }),
});

async function freshSunriseIntegration(database: TestDatabase, f: Fixtures, caller: CallerName) {
  return database.db.dmsIntegration.create({
    data: { organizationId: f.sunrise.id, name: `Sunrise DMS for ${caller}`, type: "PBS", config: { dealerId: "PBS-1", endpointUrl: "https://pbs.example/api", syncIntervalMinutes: 60 } },
  });
}

const cdkInput = (name: string) => ({
  name,
  type: "CDK",
  config: { dealerId: "CDK-1", endpointUrl: "https://cdk.example/api", clientId: "client-1", secret: "matrix-secret-9f3a", syncIntervalMinutes: 30 },
});
const namesOf = (result: unknown) => (result as { name: string }[]).map((row) => row.name);

export const entries: AccessEntries = {
  "dmsIntegration.list": {
    type: "query",
    input: async (f, caller, database) => {
      await freshSunriseIntegration(database, f, caller);
      return undefined;
    },
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise DMS"))).toBe(false),
      admin: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise DMS"))).toBe(true),
      manager: "FORBIDDEN",
      foreign: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise DMS"))).toBe(false),
    },
  },
  "dmsIntegration.create": {
    type: "mutation",
    input: (_f, caller) => cdkInput(`CDK by ${caller}`),
    state: sunriseIntegrations,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: leavesFirstOrganizationUnchanged(),
      admin: (result) => expect(result).toMatchObject({ name: "CDK by admin", config: { secret: "••••9f3a" } }),
      manager: "FORBIDDEN",
      foreign: leavesFirstOrganizationUnchanged(),
    },
  },
  "dmsIntegration.update": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseIntegration(database, f, caller)).id, ...cdkInput(`Updated by ${caller}`) }),
    state: sunriseIntegrations,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ name: "Updated by admin", type: "CDK" }),
      manager: "FORBIDDEN",
      foreign: "NOT_FOUND",
    },
  },
  "dmsIntegration.setActive": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseIntegration(database, f, caller)).id, isActive: false }),
    state: sunriseIntegrations,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ isActive: false }),
      manager: "FORBIDDEN",
      foreign: "NOT_FOUND",
    },
  },
  "dmsIntegration.delete": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseIntegration(database, f, caller)).id }),
    state: sunriseIntegrations,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (_result, { before, after }) =>
        expect((after as { integrations: unknown[] }).integrations.length).toBe((before as { integrations: unknown[] }).integrations.length - 1),
      manager: "FORBIDDEN",
      foreign: "NOT_FOUND",
    },
  },
};
