import { expect } from "vitest";
import type { AccessEntries, StateReader } from "./matrix";

const plans: StateReader = async (database) => database.db.plan.findMany({ orderBy: { id: "asc" } });
const platformOnly = { signedOut: "UNAUTHORIZED", admin: "FORBIDDEN", manager: "FORBIDDEN", foreign: "FORBIDDEN" } as const;

export const entries: AccessEntries = {
  "plan.list": {
    type: "query",
    expect: {
      ...platformOnly,
      superAdmin: (result, { f }) => {
        expect(result).toEqual(expect.arrayContaining([expect.objectContaining({ id: f.plan.id, _count: { organizations: expect.any(Number) } })]));
      },
    },
  },
  "plan.create": {
    type: "mutation",
    input: (_f, caller) => ({ name: `Matrix plan ${caller}`, price: "10.00", creditLimit: "5.00", ratePerMinute: "0.1000", description: "" }),
    state: plans,
    expect: { ...platformOnly, superAdmin: (result) => expect(result).toMatchObject({ name: "Matrix plan superAdmin" }) },
  },
  "plan.update": {
    type: "mutation",
    input: (f) => ({ id: f.plan.id, name: "Growth", price: "499.00", creditLimit: "200.00", ratePerMinute: "0.1800", description: "Edited by the matrix" }),
    state: plans,
    expect: { ...platformOnly, superAdmin: (result) => expect(result).toMatchObject({ description: "Edited by the matrix" }) },
  },
  "plan.delete": {
    type: "mutation",
    input: async (_f, caller, database) => ({ id: (await database.db.plan.create({ data: { name: `Deletable ${caller}` } })).id }),
    state: plans,
    expect: { ...platformOnly, superAdmin: "ok" },
  },
};
