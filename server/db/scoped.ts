import type { Database } from "../db";

// The one place where organization scoping happens: every query an org procedure makes through
// this client gets `organizationId = <the caller's organization>` in its filter and its new rows.
// Raw SQL ($queryRaw) is not covered and must filter by organization itself.
const tenantModels = new Set([
  "User",
  "Agent",
  "Campaign",
  "ServiceRecord",
  "Call",
  "Transcript",
  "AudioFile",
  "Kpi",
  "Booking",
  "KpiValue",
  "Inquiry",
  "Tag",
  "ScheduleConfig",
  "PaymentHistory",
  "DmsIntegration",
  "Setting",
  "AuditLog",
  "ApiKey",
  "CallMetricFact",
  "CallDailyStat",
  "CallDailyTotal",
]);

const filteredOperations = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

const noOrganization = "00000000-0000-0000-0000-000000000000";

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown> };

function withOrganization(data: unknown, organizationId: string): unknown {
  if (Array.isArray(data)) return data.map((row) => withOrganization(row, organizationId));
  return { ...(data as Record<string, unknown>), organizationId };
}

export function scopeArgs(model: string, operation: string, rawArgs: unknown, organizationId: string): Args {
  const args = { ...((rawArgs ?? {}) as Args) };
  if (model === "Organization") {
    if (!filteredOperations.has(operation) || operation === "upsert" || operation === "deleteMany") {
      throw new Error(`Organization.${operation} is not allowed through an organization-scoped client`);
    }
    const requestedId = args.where?.id;
    // Another organization's id matches nothing, as if it did not exist.
    args.where = { ...args.where, id: requestedId === undefined || requestedId === organizationId ? organizationId : noOrganization };
    return args;
  }
  if (!tenantModels.has(model)) return args;
  if (filteredOperations.has(operation)) args.where = { ...args.where, organizationId };
  if (operation === "create" || operation === "createMany" || operation === "createManyAndReturn") {
    args.data = withOrganization(args.data, organizationId);
  }
  if (operation === "upsert") args.create = withOrganization(args.create, organizationId) as Record<string, unknown>;
  if (operation === "updateMany" || operation === "update" || operation === "upsert") {
    const data = (operation === "upsert" ? (args.update as Record<string, unknown>) : (args.data as Record<string, unknown>)) ?? {};
    if ("organizationId" in data || "organization" in data) throw new Error(`${model}.${operation} may not move a row to another organization`);
  }
  return args;
}

export function scopedDb(db: Database, organizationId: string) {
  return db.$extends({
    name: "organizationScope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args, organizationId) as typeof args);
        },
      },
    },
  });
}

export type ScopedDatabase = ReturnType<typeof scopedDb>;
