import { expect } from "vitest";
import { leavesFirstOrganizationUnchanged } from "./matrix";
import type { AccessEntries, CallerName, StateReader } from "./matrix";
import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";

const sunriseAgents: StateReader = async (database, f) => ({
  agents: await database.db.agent.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
  auditRows: await database.db.auditLog.count({ where: { organizationId: f.sunrise.id } }),
});

async function freshSunriseAgent(database: TestDatabase, f: Fixtures, caller: CallerName, purpose: string) {
  return database.db.agent.create({ data: { organizationId: f.sunrise.id, name: `${purpose} ${caller} ${Math.random().toString(36).slice(2, 8)}` } });
}

const agentFields = (name: string) => ({ name, description: "Books oil changes", voice: "alloy", language: "en-US" });
const namesOf = (result: unknown) => (result as { name: string }[]).map((agent) => agent.name);

export const entries: AccessEntries = {
  "agent.list": {
    type: "query",
    input: async (f, caller, database) => {
      await freshSunriseAgent(database, f, caller, "Sunrise only");
      return undefined;
    },
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise only"))).toBe(false),
      admin: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise only"))).toBe(true),
      manager: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise only"))).toBe(true),
      foreign: (result) => expect(namesOf(result).some((name) => name.startsWith("Sunrise only"))).toBe(false),
    },
  },
  "agent.create": {
    type: "mutation",
    input: (_f, caller) => agentFields(`Agent by ${caller}`),
    state: sunriseAgents,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: leavesFirstOrganizationUnchanged(),
      admin: (result, { after }) => {
        expect(result).toMatchObject({ name: "Agent by admin" });
        expect(namesOf((after as { agents: unknown[] }).agents)).toContain("Agent by admin");
      },
      manager: "FORBIDDEN",
      foreign: leavesFirstOrganizationUnchanged(),
    },
  },
  "agent.update": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseAgent(database, f, caller, "Update me")).id, ...agentFields(`Updated by ${caller}`) }),
    state: sunriseAgents,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ name: "Updated by admin", voice: "alloy" }),
      manager: "FORBIDDEN",
      foreign: "NOT_FOUND",
    },
  },
  "agent.setActive": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseAgent(database, f, caller, "Pause me")).id, isActive: false }),
    state: sunriseAgents,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ isActive: false }),
      manager: "FORBIDDEN",
      foreign: "NOT_FOUND",
    },
  },
};
