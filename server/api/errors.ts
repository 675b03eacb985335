import { TRPCError } from "@trpc/server";

type PrismaKnownError = {
  name: string;
  code: string;
  meta?: {
    target?: string[] | string;
    modelName?: string;
    driverAdapterError?: { cause?: { table?: string; constraint?: { fields?: string[]; index?: string } } };
  };
};

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return typeof error === "object" && error !== null && (error as { name?: string }).name === "PrismaClientKnownRequestError";
}

// The PostgreSQL adapter names only the index ("campaign_organization_id_name_key"): read the columns from it.
function fieldsFromIndex(table: string | undefined, index: string | undefined): string[] {
  if (!table || !index?.startsWith(`${table}_`) || !index.endsWith("_key")) return [];
  return [index.slice(table.length + 1, -"_key".length).replace(/^organization_id_/, "")];
}

function conflictFields(error: PrismaKnownError): string[] {
  const cause = error.meta?.driverAdapterError?.cause;
  const target = error.meta?.target ?? cause?.constraint?.fields ?? fieldsFromIndex(cause?.table, cause?.constraint?.index);
  return (Array.isArray(target) ? target : [target]).map((field) => field.replace(/"/g, "")).filter((field) => field !== "organization_id");
}

const camel = (field: string) => field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

type AdapterCause = { kind?: string; code?: string; originalCode?: string; severity?: string };

// Prisma's own codes for "no connection": can't reach, timed out, server closed it, pool timeout, transaction not started in time.
const unavailablePrismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const unavailableAdapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * The database is down, restarting or refusing connections (not a bug in the request): SQLSTATE class 08
 * (connection), 57P0x (shutdown, restart), 53 (out of resources), any FATAL error, or a socket that went away.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, meta } = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: AdapterCause } } };
  if (typeof code === "string" && unavailablePrismaCodes.has(code)) return true;
  const cause = meta?.driverAdapterError?.cause;
  if (cause) {
    const sqlState = cause.originalCode ?? cause.code ?? "";
    if (cause.kind && unavailableAdapterKinds.has(cause.kind)) return true;
    if (cause.severity === "FATAL" || cause.severity === "PANIC") return true;
    if (/^(08|57P|53)/.test(sqlState)) return true;
  }
  return typeof message === "string" && /Connection terminated|ECONNRESET|ECONNREFUSED|Can't reach database server/.test(message);
}

/** Turns database errors that the caller can act on into their tRPC codes; others stay as they are. */
export function mapDatabaseError(error: unknown): TRPCError | null {
  if (isDatabaseUnavailable(error)) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The database is not reachable right now. Please try again in a moment." });
  }
  if (!isPrismaKnownError(error)) return null;
  if (error.code === "P2002") {
    const fields = conflictFields(error).map(camel);
    const what = fields.length ? fields.join(" and ") : "value";
    return new TRPCError({ code: "CONFLICT", message: `This ${what} is already taken.`, cause: { fields } as unknown as Error });
  }
  if (error.code === "P2025") return new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  if (error.code === "P2003") {
    return new TRPCError({ code: "CONFLICT", message: "This record is still used by other records, so it cannot be removed or changed this way." });
  }
  return null;
}
