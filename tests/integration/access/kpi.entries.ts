import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";
import type { AccessEntries, StateReader } from "./matrix";

/** A manual KPI of Sunrise (the first organization), made once per database. */
async function sunriseKpi(database: TestDatabase, f: Fixtures) {
  const existing = await database.db.kpi.findFirst({ where: { organizationId: f.sunrise.id, name: "Matrix KPI" } });
  return existing ?? database.db.kpi.create({ data: { organizationId: f.sunrise.id, name: "Matrix KPI", type: "Custom", metric: "manual", unit: "%", targetValue: "50.00" } });
}

const sunriseKpiState: StateReader = async (database, f) => ({
  kpis: await database.db.kpi.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
  values: await database.db.kpiValue.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
});

const ownOrganizationOnly = { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: "ok", manager: "ok", foreign: "NOT_FOUND" } as const;
const sunriseAdminsOnly = { signedOut: "UNAUTHORIZED", superAdmin: "NOT_FOUND", admin: "ok", manager: "FORBIDDEN", foreign: "NOT_FOUND" } as const;

export const entries: AccessEntries = {
  "kpi.list": {
    type: "query",
    input: () => ({ period: "30d" }),
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "ok", admin: "ok", manager: "ok", foreign: "ok" },
  },
  "kpi.history": { type: "query", input: async (f, _caller, database) => ({ id: (await sunriseKpi(database, f)).id }), expect: ownOrganizationOnly },
  "kpi.create": {
    type: "mutation",
    input: (_f, caller) => ({ name: `KPI by ${caller}`, metric: "booking_rate", unit: "%", targetValue: "40" }),
    state: sunriseKpiState,
    expect: { signedOut: "UNAUTHORIZED", superAdmin: "ok", admin: "ok", manager: "FORBIDDEN", foreign: "ok" },
  },
  "kpi.update": {
    type: "mutation",
    input: async (f, caller, database) => ({ id: (await sunriseKpi(database, f)).id, targetValue: caller === "admin" ? "55.00" : "1.00" }),
    state: sunriseKpiState,
    expect: sunriseAdminsOnly,
  },
  "kpi.delete": {
    type: "mutation",
    input: async (f, caller, database) => ({
      id: (await database.db.kpi.create({ data: { organizationId: f.sunrise.id, name: `Doomed KPI for ${caller}`, type: "Custom", metric: "manual" } })).id,
    }),
    state: sunriseKpiState,
    expect: sunriseAdminsOnly,
  },
  "kpi.setValue": {
    type: "mutation",
    input: async (f, _caller, database) => ({ kpiId: (await sunriseKpi(database, f)).id, periodStart: "2026-01-01", periodEnd: "2026-01-31", value: "48.50" }),
    state: sunriseKpiState,
    expect: sunriseAdminsOnly,
  },
};
