import { expect } from "vitest";
import type { AccessEntries, Check } from "./matrix";

type Page = { items: { organizationId: string | null }[] };

const onlyOrganization =
  (pick: "platform" | "sunrise" | "bayview"): Check =>
  (result, { f }) => {
    for (const row of (result as Page).items) expect(row.organizationId).toBe(f[pick].id);
  };

export const entries: AccessEntries = {
  "auditLog.list": {
    type: "query",
    input: async (f, _caller, database) => {
      await database.db.auditLog.create({ data: { organizationId: f.sunrise.id, userId: f.sunriseAdmin.id, entity: "tag", entityId: "1", action: "create", newValue: { name: "Sunrise row" } } });
      return { limit: 50 };
    },
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: onlyOrganization("platform"),
      admin: (result, context) => {
        expect((result as Page).items.length).toBeGreaterThan(0);
        onlyOrganization("sunrise")(result, context);
      },
      manager: "FORBIDDEN",
      foreign: onlyOrganization("bayview"),
    },
  },
  "auditLog.users": {
    type: "query",
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: (result, { f }) => expect((result as { id: bigint }[]).map((user) => user.id)).not.toContain(f.sunriseAdmin.id),
      admin: (result, { f }) => expect((result as { id: bigint }[]).map((user) => user.id)).toContain(f.sunriseAdmin.id),
      manager: "FORBIDDEN",
      foreign: (result, { f }) => expect((result as { id: bigint }[]).map((user) => user.id)).not.toContain(f.sunriseAdmin.id),
    },
  },
};
