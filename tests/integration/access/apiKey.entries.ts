import { expect } from "vitest";
import { leavesFirstOrganizationUnchanged } from "./matrix";
import type { AccessEntries, CallerName, StateReader } from "./matrix";
import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";
import { generateApiKey } from "@/server/services/api-keys";

const sunriseApiKeys: StateReader = async (database, f) => ({
  apiKeys: await database.db.apiKey.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
  auditRows: await database.db.auditLog.count({ where: { organizationId: f.sunrise.id } }),
});

async function freshSunriseKey(database: TestDatabase, f: Fixtures, caller: CallerName) {
  const { keyHash, prefix } = generateApiKey();
  return database.db.apiKey.create({ data: { organizationId: f.sunrise.id, name: `Sunrise key for ${caller}`, keyHash, prefix } });
}

const namesOf = (result: unknown) => (result as { name: string }[]).map((key) => key.name);

export const entries: AccessEntries = {
  "apiKey.list": {
    type: "query",
    input: async (f, caller, database) => {
      await freshSunriseKey(database, f, caller);
      return undefined;
    },
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise key"))).toBe(false),
      admin: (result) => {
        expect(namesOf(result).some((name) => name.startsWith("Sunrise key"))).toBe(true);
        expect(JSON.stringify(result, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain("keyHash");
      },
      manager: "FORBIDDEN",
      foreign: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise key"))).toBe(false),
    },
  },
  "apiKey.create": {
    type: "mutation",
    input: (_f, caller) => ({ name: `Key by ${caller}` }),
    state: sunriseApiKeys,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: leavesFirstOrganizationUnchanged(),
      admin: (result, { after }) => {
        expect(result).toMatchObject({ apiKey: { name: "Key by admin" } });
        expect(namesOf((after as { apiKeys: unknown[] }).apiKeys)).toContain("Key by admin");
      },
      manager: "FORBIDDEN",
      foreign: leavesFirstOrganizationUnchanged(),
    },
  },
  "apiKey.revoke": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseKey(database, f, caller)).id }),
    state: sunriseApiKeys,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect((result as { revokedAt: Date | null }).revokedAt).toBeInstanceOf(Date),
      manager: "FORBIDDEN",
      foreign: "NOT_FOUND",
    },
  },
};
