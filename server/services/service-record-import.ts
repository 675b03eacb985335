import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import { csvColumns, csvRowSchema, maxImportRows } from "@/lib/validation/service-record";
import type { CsvColumn, CsvRow, ImportCsvInput } from "@/lib/validation/service-record";
import { Prisma } from "../generated/prisma/client";
import type { ScopedDatabase } from "../db/scoped";
import { recordAudit } from "./audit";
import type { Actor } from "../api/trpc";
import { isDatabaseUnavailable } from "../api/errors";
import { readCsv } from "./csv";

export type ImportRowError = { row: number; field: string; message: string };
export type ImportReport = {
  totalRows: number;
  validRows: number;
  invalidRows: number;
  errors: ImportRowError[];
  /** Rows that repeat an earlier row of the file (same phone, vehicle and campaign): the later one wins. */
  duplicateRows: number;
  toCreate: number;
  toUpdate: number;
  written: boolean;
  created: number;
  updated: number;
};

type ValidRow = { line: number; campaignId: bigint | null; data: CsvRow };
type Transaction = Parameters<Parameters<ScopedDatabase["$transaction"]>[0]>[0];

const maxReportedErrors = 1000;
const writeBatch = 1000;

function inputError(field: "csv" | "mapping", message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message, cause: new ZodRealError([{ code: "custom", path: [field], message, input: undefined }]) });
}
const mappingError = (message: string) => inputError("mapping", message);

/** Undoes the export's guard against spreadsheet formulas (a leading apostrophe). */
function unguard(value: string): string {
  return /^'(=|@|[+-](?!\d))/.test(value) ? value.slice(1) : value;
}

const notUtf8 = "Unreadable characters: the file is not UTF-8 text. Save it as \"CSV UTF-8\" and import it again";

/** What a file that is not text in UTF-8 looks like once read as UTF-8: NULs (UTF-16) that PostgreSQL cannot store. */
function refuseUnreadableText(csv: string): void {
  const nul = csv.indexOf("\u0000");
  if (nul < 0) return;
  const line = csv.slice(0, nul).split(/\r\n|\r|\n/).length;
  throw inputError("csv", `Line ${line} holds NUL characters: the file is probably UTF-16 (Unicode) text. Save it as "CSV UTF-8" and import it again.`);
}

type MappedRow = { line: number; values: Record<CsvColumn, string> };

function mapRows(csv: string, mapping: ImportCsvInput["mapping"]): { rows: MappedRow[] } {
  refuseUnreadableText(csv);
  const { records, problem } = readCsv(csv);
  if (problem) throw inputError("csv", `The file's quoting is broken. ${problem.message}`);
  const header = (records[0]?.cells ?? []).map((cell) => cell.trim());
  const body = records.slice(1);
  if (!header.some(Boolean)) throw inputError("csv", "The file has no header row.");
  if (!body.length) throw inputError("csv", "The file has a header but no rows under it.");
  if (body.length > maxImportRows) throw inputError("csv", `The file has ${body.length.toLocaleString("en-US")} rows; import at most ${maxImportRows.toLocaleString("en-US")} at a time.`);
  const indexes = {} as Record<CsvColumn, number>;
  for (const column of csvColumns) {
    const source = mapping[column];
    indexes[column] = source ? header.indexOf(source.trim()) : -1;
    if (source && indexes[column] < 0) throw mappingError(`The file has no column "${source}".`);
  }
  if (indexes.customer_name < 0 || indexes.customer_phone < 0) throw mappingError("Choose the columns that hold the customer's name and phone.");
  const rows = body.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(csvColumns.map((column) => [column, indexes[column] < 0 ? "" : unguard(cells[indexes[column]] ?? "")])) as Record<CsvColumn, string>,
  }));
  return { rows };
}

const recordKey = (campaignId: bigint | null, phone: string | null, vehicle: string | null) => `${campaignId ?? ""}|${phone ?? ""}|${(vehicle ?? "").trim().toLowerCase()}`;

async function campaignsByName(db: ScopedDatabase, names: string[]): Promise<Map<string, bigint>> {
  if (!names.length) return new Map();
  const campaigns = await db.campaign.findMany({ where: { name: { in: names, mode: "insensitive" } }, select: { id: true, name: true } });
  return new Map(campaigns.map((campaign) => [campaign.name.toLowerCase(), campaign.id]));
}

/** Validates every row; nothing is written. Row numbers are the file's line numbers (the header is line 1). */
async function validate(db: ScopedDatabase, input: ImportCsvInput, defaultCampaignId: bigint | null) {
  const { rows } = mapRows(input.csv, input.mapping);
  const names = [...new Set(rows.map((row) => row.values.campaign.trim()).filter(Boolean))];
  const campaignIds = await campaignsByName(db, names);
  const errors: ImportRowError[] = [];
  const valid = new Map<string, ValidRow>();
  let invalidRows = 0;
  let duplicateRows = 0;
  for (const { line, values: raw } of rows) {
    const parsed = csvRowSchema.safeParse(raw);
    const rowErrors: ImportRowError[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ row: line, field: String(issue.path[0] ?? "row"), message: issue.message }));
    // A Latin-1 (or other non-UTF-8) file read as UTF-8 shows U+FFFD where its accented letters were.
    for (const column of csvColumns) if (raw[column].includes("\uFFFD")) rowErrors.push({ row: line, field: column, message: notUtf8 });
    const campaignName = raw.campaign.trim();
    const campaignId = campaignName ? campaignIds.get(campaignName.toLowerCase()) : defaultCampaignId;
    if (campaignId === undefined) rowErrors.push({ row: line, field: "campaign", message: `No campaign is named "${campaignName}"` });
    if (rowErrors.length || !parsed.success) {
      invalidRows += 1;
      errors.push(...rowErrors);
      continue;
    }
    const key = recordKey(campaignId ?? null, parsed.data.customer_phone, parsed.data.vehicle_info);
    if (valid.has(key)) duplicateRows += 1;
    valid.set(key, { line, campaignId: campaignId ?? null, data: parsed.data });
  }
  return { totalRows: rows.length, invalidRows, errors, duplicateRows, valid };
}

async function existingRecords(tx: Transaction, rows: ValidRow[]): Promise<Map<string, bigint>> {
  const phones = [...new Set(rows.map((row) => row.data.customer_phone).filter((phone): phone is string => !!phone))];
  if (!phones.length) return new Map();
  const existing = await tx.serviceRecord.findMany({ where: { customerPhone: { in: phones } }, select: { id: true, campaignId: true, customerPhone: true, vehicleInfo: true }, orderBy: { id: "asc" } });
  const byKey = new Map<string, bigint>();
  for (const record of existing) {
    const key = recordKey(record.campaignId, record.customerPhone, record.vehicleInfo);
    if (!byKey.has(key)) byKey.set(key, record.id);
  }
  return byKey;
}

type Update = { id: bigint; row: ValidRow };

/** One UPDATE … FROM unnest(…) for a batch: thousands of rows in a few statements. */
async function updateBatch(tx: Transaction, organizationId: string, userId: bigint, batch: Update[]) {
  const column = (pick: (row: CsvRow) => string | number | boolean | Date | null) =>
    batch.map(({ row }) => {
      const value = pick(row.data);
      if (value === null) return null;
      return value instanceof Date ? value.toISOString() : String(value);
    });
  await tx.$executeRaw(Prisma.sql`
    UPDATE "service_record" AS sr
       SET customer_name = v.customer_name, vehicle_info = v.vehicle_info, service_type = v.service_type, status = v.status,
           appointment_date = v.appointment_date::timestamptz, rating = v.rating::smallint, do_not_call = v.do_not_call::boolean,
           feedback = v.feedback, modified_by = ${userId}, updated_at = now()
      FROM unnest(${batch.map(({ id }) => String(id))}::text[], ${column((row) => row.customer_name)}::text[], ${column((row) => row.vehicle_info)}::text[],
                  ${column((row) => row.service_type)}::text[], ${column((row) => row.status)}::text[], ${column((row) => row.appointment_date)}::text[],
                  ${column((row) => row.rating)}::text[], ${column((row) => row.do_not_call)}::text[], ${column((row) => row.feedback)}::text[])
           AS v(id, customer_name, vehicle_info, service_type, status, appointment_date, rating, do_not_call, feedback)
     WHERE sr.id = v.id::bigint AND sr.organization_id = ${organizationId}::uuid`);
}

async function createBatch(tx: Transaction, actor: Actor, batch: ValidRow[]) {
  await tx.serviceRecord.createMany({
    data: batch.map(({ campaignId, data }) => ({
      organizationId: actor.organizationId,
      campaignId,
      customerName: data.customer_name,
      customerPhone: data.customer_phone,
      vehicleInfo: data.vehicle_info,
      serviceType: data.service_type,
      status: data.status,
      appointmentDate: data.appointment_date,
      rating: data.rating,
      doNotCall: data.do_not_call,
      feedback: data.feedback,
      createdBy: actor.userId,
      modifiedBy: actor.userId,
    })),
  });
}

/** The database refused rows that passed validation (a constraint or trigger only the database knows): nothing is kept. */
class ImportRefusedError extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super("The database refused rows of the import.");
  }
}

/** The database's reason, without SQL or values: a trigger's own message, or what kind of rule the row broke. */
function refusalMessage(error: unknown): string {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string; originalMessage?: string; column?: string } } } }).meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? "";
  if (code === "P0001" && cause?.originalMessage) return `The database refused this row: ${cause.originalMessage}`;
  if (cause?.kind === "LengthMismatch" || code === "22001") return "The database refused this row: a value is too long";
  if (code.startsWith("23")) return `The database refused this row: it breaks a rule of the table (${cause?.originalMessage ?? code})`;
  return "The database refused this row";
}

const savepoint = (tx: Transaction, sql: string) => tx.$executeRawUnsafe(sql);

type Writer<Item> = { write: (batch: Item[]) => Promise<void>; lineOf: (item: Item) => number };

/** Writes the items under a savepoint; the database's error when it refuses them (the savepoint undoes the attempt). */
async function attempt<Item>(tx: Transaction, items: Item[], writer: Writer<Item>, keep: boolean): Promise<unknown> {
  await savepoint(tx, "SAVEPOINT import_attempt");
  try {
    await writer.write(items);
    await savepoint(tx, keep ? "RELEASE SAVEPOINT import_attempt" : "ROLLBACK TO SAVEPOINT import_attempt");
    return null;
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    await savepoint(tx, "ROLLBACK TO SAVEPOINT import_attempt");
    return error ?? new Error("refused");
  }
}

/** Halves a refused group until the refused rows are single (a few dozen attempts for one bad row in a thousand). */
async function refusedRows<Item>(tx: Transaction, items: Item[], writer: Writer<Item>, error: unknown, found: ImportRowError[]): Promise<void> {
  if (found.length >= maxReportedErrors) return;
  const lines = items.map(writer.lineOf);
  if (items.length === 1) {
    found.push({ row: lines[0]!, field: "row", message: refusalMessage(error) });
    return;
  }
  const halves = [items.slice(0, items.length / 2), items.slice(items.length / 2)];
  const before = found.length;
  for (const half of halves) {
    const halfError = await attempt(tx, half, writer, false);
    if (halfError) await refusedRows(tx, half, writer, halfError, found);
  }
  // Each half passes alone but not together (a rule over several rows): name the group.
  if (found.length === before) found.push({ row: Math.min(...lines), field: "row", message: `${refusalMessage(error)} (lines ${Math.min(...lines)}–${Math.max(...lines)} together)` });
}

/**
 * Writes the items in batches, each under a savepoint. When the database refuses a batch, the rows it refuses are
 * found by halving it, and the whole import is abandoned: the caller's transaction rolls back.
 */
async function writeInBatches<Item>(tx: Transaction, items: Item[], writer: Writer<Item>): Promise<void> {
  for (let start = 0; start < items.length; start += writeBatch) {
    const batch = items.slice(start, start + writeBatch);
    const error = await attempt(tx, batch, writer, true);
    if (!error) continue;
    const found: ImportRowError[] = [];
    await refusedRows(tx, batch, writer, error, found);
    throw new ImportRefusedError(found);
  }
}

export async function importServiceRecords(db: ScopedDatabase, actor: Actor, input: ImportCsvInput): Promise<ImportReport> {
  const defaultCampaignId = input.campaignId ?? null;
  if (defaultCampaignId !== null && !(await db.campaign.findFirst({ where: { id: defaultCampaignId }, select: { id: true } }))) {
    throw new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });
  }
  const checked = await validate(db, input, defaultCampaignId);
  const validRows = [...checked.valid.values()];
  const report: ImportReport = {
    totalRows: checked.totalRows,
    validRows: checked.totalRows - checked.invalidRows,
    invalidRows: checked.invalidRows,
    errors: checked.errors.slice(0, maxReportedErrors),
    duplicateRows: checked.duplicateRows,
    toCreate: 0,
    toUpdate: 0,
    written: false,
    created: 0,
    updated: 0,
  };
  const nothingToWrite = input.dryRun || !validRows.length || (input.mode !== "valid_only" && checked.invalidRows > 0);
  try {
    return await db.$transaction(
      async (tx) => {
        const existing = await existingRecords(tx, validRows);
        const updates: Update[] = [];
        const creates: ValidRow[] = [];
        for (const row of validRows) {
          const id = existing.get(recordKey(row.campaignId, row.data.customer_phone, row.data.vehicle_info));
          if (id === undefined) creates.push(row);
          else updates.push({ id, row });
        }
        report.toCreate = creates.length;
        report.toUpdate = updates.length;
        if (nothingToWrite) return report;
        await writeInBatches(tx, creates, { lineOf: (row) => row.line, write: (batch) => createBatch(tx, actor, batch) });
        await writeInBatches(tx, updates, { lineOf: (update) => update.row.line, write: (batch) => updateBatch(tx, actor.organizationId, actor.userId, batch) });
        await recordAudit(tx, {
          ...actor,
          entity: "service_record_import",
          action: "create",
          newValue: { rows: report.totalRows, created: creates.length, updated: updates.length, skippedInvalid: report.invalidRows, mode: input.mode },
        });
        return { ...report, written: true, created: creates.length, updated: updates.length };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    // The transaction is rolled back: nothing of this import is kept. The refused rows count as invalid.
    const refused = new Set(error.errors.map((rowError) => rowError.row)).size;
    return {
      ...report,
      validRows: report.validRows - refused,
      invalidRows: report.invalidRows + refused,
      errors: [...report.errors, ...error.errors].sort((a, b) => a.row - b.row).slice(0, maxReportedErrors),
    };
  }
}
