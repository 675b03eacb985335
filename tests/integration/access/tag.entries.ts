import { expect } from "vitest";
import { leavesFirstOrganizationUnchanged } from "./matrix";
import type { AccessEntries, CallerName, StateReader } from "./matrix";
import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";

const sunriseTags: StateReader = async (database, f) => ({
  tags: await database.db.tag.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
  auditRows: await database.db.auditLog.count({ where: { organizationId: f.sunrise.id } }),
});

async function freshSunriseTag(database: TestDatabase, f: Fixtures, caller: CallerName, purpose: string) {
  const name = `${purpose} for ${caller} ${Math.random().toString(36).slice(2, 8)}`;
  return database.db.tag.create({ data: { organizationId: f.sunrise.id, name, nameKey: name.toLowerCase() } });
}

const namesOf = (result: unknown) => (result as { name: string }[]).map((tag) => tag.name);

export const entries: AccessEntries = {
  "tag.list": {
    type: "query",
    input: async (f, caller, database) => {
      await freshSunriseTag(database, f, caller, "Sunrise only");
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
  "tag.create": {
    type: "mutation",
    input: (_f, caller) => ({ name: `Created by ${caller}` }),
    state: sunriseTags,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: leavesFirstOrganizationUnchanged(),
      admin: (result, { after }) => {
        expect(result).toMatchObject({ name: "Created by admin" });
        expect(namesOf((after as { tags: { name: string }[] }).tags)).toContain("Created by admin");
      },
      manager: (result, { after }) => {
        expect(result).toMatchObject({ name: "Created by manager" });
        expect(namesOf((after as { tags: { name: string }[] }).tags)).toContain("Created by manager");
      },
      foreign: leavesFirstOrganizationUnchanged(),
    },
  },
  "tag.rename": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseTag(database, f, caller, "Rename me")).id, name: `Renamed by ${caller}` }),
    state: sunriseTags,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (result) => expect(result).toMatchObject({ name: "Renamed by admin" }),
      manager: (result) => expect(result).toMatchObject({ name: "Renamed by manager" }),
      foreign: "NOT_FOUND",
    },
  },
  "tag.delete": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await freshSunriseTag(database, f, caller, "Delete me")).id }),
    state: sunriseTags,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "NOT_FOUND",
      admin: (_result, { before, after }) => expect((after as { tags: unknown[] }).tags.length).toBe((before as { tags: unknown[] }).tags.length - 1),
      manager: (_result, { before, after }) => expect((after as { tags: unknown[] }).tags.length).toBe((before as { tags: unknown[] }).tags.length - 1),
      foreign: "NOT_FOUND",
    },
  },
};
