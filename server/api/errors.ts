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

/** Turns database errors that the caller can act on into their tRPC codes; others stay as they are. */
export function mapDatabaseError(error: unknown): TRPCError | null {
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
