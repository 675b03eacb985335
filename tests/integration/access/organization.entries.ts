import { expect } from "vitest";
import { concernsOrganization, homeOrganization, leavesFirstOrganizationUnchanged } from "./matrix";
import type { AccessEntries, CallerName, StateReader } from "./matrix";
import type { Fixtures } from "../../helpers/fixtures";

const sunriseOrganizationState: StateReader = async (database, f) => ({
  organization: await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id } }),
  auditRows: await database.db.auditLog.count({ where: { organizationId: f.sunrise.id } }),
});

const platformOnly = { signedOut: "UNAUTHORIZED", admin: "FORBIDDEN", manager: "FORBIDDEN", foreign: "FORBIDDEN" } as const;

/** A valid profile that keeps the caller's own name and email (no CONFLICT) and changes the free-text fields. */
function organizationProfileFor(f: Fixtures, caller: CallerName) {
  const organization = homeOrganization(f, caller);
  return {
    name: organization.name,
    email: organization.email,
    phoneSales: "(614) 555-0100",
    phoneSupport: "",
    phoneService: "",
    description: `Profile written by ${caller}`,
    location: `Location written by ${caller}`,
    serviceTypes: ["Oil change", "Brakes"],
    focusAreas: ["Recalls"],
    hipaaCompliant: false,
    pciCompliant: true,
  };
}

export const entries: AccessEntries = {
  "organization.current": {
    type: "query",
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: concernsOrganization((f) => f.platform),
      admin: concernsOrganization((f) => f.sunrise),
      manager: concernsOrganization((f) => f.sunrise),
      foreign: (result, { f }) => {
        expect(result).toMatchObject({ id: f.bayview.id, name: f.bayview.name });
        expect(JSON.stringify(result, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain(f.sunrise.id);
      },
    },
  },
  "organization.updateCurrent": {
    type: "mutation",
    input: organizationProfileFor,
    state: sunriseOrganizationState,
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: leavesFirstOrganizationUnchanged(concernsOrganization((f) => f.platform)),
      admin: (result, { f, before, after }) => {
        expect(result).toMatchObject({ id: f.sunrise.id, location: "Location written by admin" });
        // The state reader sees this change, so "unchanged" for the refused callers means something.
        expect(after).not.toEqual(before);
        expect(after).toMatchObject({ organization: { location: "Location written by admin" } });
      },
      manager: "FORBIDDEN",
      foreign: concernsOrganization((f) => f.bayview),
    },
  },
  "organization.list": {
    type: "query",
    input: () => ({ search: "sunrise" }),
    expect: { ...platformOnly, superAdmin: (result, { f }) => expect((result as { items: { id: string }[] }).items.map((row) => row.id)).toEqual([f.sunrise.id]) },
  },
  "organization.byId": {
    type: "query",
    input: (f) => ({ id: f.sunrise.id }),
    expect: { ...platformOnly, superAdmin: concernsOrganization((f) => f.sunrise) },
  },
  "organization.overview": {
    type: "query",
    expect: { ...platformOnly, superAdmin: "ok" },
  },
  "organization.create": {
    type: "mutation",
    input: (f, caller) => ({ ...organizationProfileFor(f, caller), name: `Matrix Motors ${caller}`, email: `matrix-${caller}@org.test`, callConcurrencyLimit: 3, planId: f.plan.id }),
    state: sunriseOrganizationState,
    expect: { ...platformOnly, superAdmin: (result) => expect(result).toMatchObject({ name: "Matrix Motors superAdmin", phoneSales: "+16145550100" }) },
  },
  "organization.update": {
    type: "mutation",
    input: (f) => ({ id: f.sunrise.id, ...organizationProfileFor(f, "admin"), location: "Set by the platform", callConcurrencyLimit: 5, planId: f.plan.id }),
    state: sunriseOrganizationState,
    expect: { ...platformOnly, superAdmin: (result) => expect(result).toMatchObject({ callConcurrencyLimit: 5, location: "Set by the platform" }) },
  },
  "organization.setActive": {
    type: "mutation",
    input: (f) => ({ id: f.sunrise.id, isActive: true }),
    state: sunriseOrganizationState,
    expect: { ...platformOnly, superAdmin: concernsOrganization((f) => f.sunrise) },
  },
  "organization.adjustCredits": {
    type: "mutation",
    input: (f) => ({ organizationId: f.sunrise.id, direction: "add", amount: "1.25", reason: "Matrix goodwill" }),
    state: sunriseOrganizationState,
    expect: { ...platformOnly, superAdmin: (_result, { before, after }) => expect(after).not.toEqual(before) },
  },
};
