import { expect } from "vitest";
import { leavesFirstOrganizationUnchanged } from "./matrix";
import type { AccessEntries, StateReader } from "./matrix";

const sunriseSettings: StateReader = async (database, f) => ({
  settings: await database.db.setting.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { key: "asc" }, select: { key: true, value: true } }),
  auditRows: await database.db.auditLog.count({ where: { organizationId: f.sunrise.id } }),
});

const keysOf = (result: unknown) => (result as { key: string }[]).map((setting) => setting.key);

export const entries: AccessEntries = {
  "setting.list": {
    type: "query",
    input: async (f, _caller, database) => {
      await database.db.setting.upsert({
        where: { organizationId_key: { organizationId: f.sunrise.id, key: "sunrise.only" } },
        create: { organizationId: f.sunrise.id, key: "sunrise.only", value: "secret plans" },
        update: {},
      });
      return undefined;
    },
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result) => expect(keysOf(result)).not.toContain("sunrise.only"),
      admin: (result) => expect(keysOf(result)).toContain("sunrise.only"),
      manager: "FORBIDDEN",
      foreign: (result) => expect(keysOf(result)).not.toContain("sunrise.only"),
    },
  },
  "setting.upsert": {
    type: "mutation",
    input: (_f, caller) => ({ key: "agent_greeting", value: `Hello from ${caller}` }),
    state: sunriseSettings,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: leavesFirstOrganizationUnchanged(),
      admin: (result, { after }) => {
        expect(result).toMatchObject({ key: "agent_greeting", value: "Hello from admin" });
        expect((after as { settings: unknown[] }).settings).toContainEqual({ key: "agent_greeting", value: "Hello from admin" });
      },
      manager: "FORBIDDEN",
      foreign: leavesFirstOrganizationUnchanged(),
    },
  },
  "setting.delete": {
    type: "mutation",
    input: async (f, caller, database) => {
      const key = `custom.${caller}`;
      await database.db.setting.create({ data: { organizationId: f.sunrise.id, key, value: "x" } });
      return { key };
    },
    state: sunriseSettings,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (_result, { after }) => expect(keysOf((after as { settings: unknown[] }).settings)).not.toContain("custom.admin"),
      manager: "FORBIDDEN",
      foreign: "NOT_FOUND",
    },
  },
};
