import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import { csvColumns, csvRowSchema, maxImportRows } from "@/lib/validation/service-record";
import type { CsvColumn, CsvRow, ImportCsvInput } from "@/lib/validation/service-record";
import { Prisma } from "../generated/prisma/client";
import type { ScopedDatabase } from "../db/scoped";
import { recordAudit } from "./audit";
import type { Actor } from "../api/trpc";
import { isDatabaseUnavailable } from "../api/errors";
import { CsvReader, csvRecords } from "./csv";

// Memory: the file is read a batch of rows at a time (validated, looked up, written, then dropped), so a 50,000-row
// import holds one batch of rows, the file's text and a set of the keys seen, never every row and its payload.

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
type MappedRow = { line: number; values: Record<CsvColumn, string> };

const maxReportedErrors = 1000;
/** Rows read, validated and written together: one INSERT and one UPDATE statement each. */
const writeBatch = 1000;
/** The whole import is one transaction (all or nothing): long enough for the largest file on a busy machine. */
const transactionTimeoutMs = 10 * 60_000;

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

/**
 * The file as a whole, read once without keeping its rows: its quoting, header and number of rows, so a file that
 * cannot be imported is refused before anything is looked up or written. Returns the header.
 */
function checkFile(csv: string): string[] {
  refuseUnreadableText(csv);
  const reader = new CsvReader();
  let header: string[] | null = null;
  let rows = 0;
  for (const record of csvRecords(reader, csv)) {
    if (header) rows += 1;
    else header = record.cells.map((cell) => cell.trim());
  }
  if (reader.problem) throw inputError("csv", `The file's quoting is broken. ${reader.problem.message}`);
  if (!header?.some(Boolean)) throw inputError("csv", "The file has no header row.");
  if (!rows) throw inputError("csv", "The file has a header but no rows under it.");
  if (rows > maxImportRows) throw inputError("csv", `The file has ${rows.toLocaleString("en-US")} rows; import at most ${maxImportRows.toLocaleString("en-US")} at a time.`);
  return header;
}

function columnIndexes(header: string[], mapping: ImportCsvInput["mapping"]): Record<CsvColumn, number> {
  const indexes = {} as Record<CsvColumn, number>;
  for (const column of csvColumns) {
    const source = mapping[column];
    indexes[column] = source ? header.indexOf(source.trim()) : -1;
    if (source && indexes[column] < 0) throw mappingError(`The file has no column "${source}".`);
  }
  if (indexes.customer_name < 0 || indexes.customer_phone < 0) throw mappingError("Choose the columns that hold the customer's name and phone.");
  return indexes;
}

/** The file's rows (after the header) in groups of `size`, each mapped to the import's columns. */
function* mappedBatches(csv: string, indexes: Record<CsvColumn, number>, size: number): Generator<MappedRow[]> {
  let batch: MappedRow[] = [];
  let header = true;
  for (const { line, cells } of csvRecords(new CsvReader(), csv)) {
    if (header) {
      header = false;
      continue;
    }
    batch.push({ line, values: Object.fromEntries(csvColumns.map((column) => [column, indexes[column] < 0 ? "" : unguard(cells[indexes[column]] ?? "")])) as Record<CsvColumn, string> });
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const recordKey = (campaignId: bigint | null, phone: string | null, vehicle: string | null) => `${campaignId ?? ""}|${phone ?? ""}|${(vehicle ?? "").trim().toLowerCase()}`;

/** The records of the organization that the batch's rows would update, by key (the oldest record of a key). */
async function existingRecords(tx: Transaction, organizationId: string, rows: ValidRow[]): Promise<Map<string, bigint>> {
  const phones = [...new Set(rows.map((row) => row.data.customer_phone).filter((phone): phone is string => !!phone))];
  if (!phones.length) return new Map();
  const existing = await tx.$queryRaw<{ id: bigint | string; campaign_id: bigint | string | null; customer_phone: string | null; vehicle_info: string | null }[]>(Prisma.sql`
    SELECT id, campaign_id, customer_phone, vehicle_info FROM "service_record"
     WHERE organization_id = ${organizationId}::uuid AND customer_phone = ANY(${phones}::text[])
     ORDER BY id`);
  const byKey = new Map<string, bigint>();
  for (const record of existing) {
    const key = recordKey(record.campaign_id === null ? null : BigInt(record.campaign_id), record.customer_phone, record.vehicle_info);
    if (!byKey.has(key)) byKey.set(key, BigInt(record.id));
  }
  return byKey;
}

type Update = { id: bigint; row: ValidRow };

/** The batch's values of one field, as text for a `unnest($n::text[])` (one array parameter per column). */
function textColumn<Item>(batch: Item[], rowOf: (item: Item) => ValidRow, pick: (row: CsvRow) => string | number | boolean | Date | null): (string | null)[] {
  return batch.map((item) => {
    const value = pick(rowOf(item).data);
    if (value === null) return null;
    return value instanceof Date ? value.toISOString() : String(value);
  });
}

/** One UPDATE … FROM unnest(…) for a batch: thousands of rows in a few statements. */
async function updateBatch(tx: Transaction, organizationId: string, userId: bigint, batch: Update[]) {
  const column = (pick: (row: CsvRow) => string | number | boolean | Date | null) => textColumn(batch, (update) => update.row, pick);
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

/** One INSERT … SELECT FROM unnest(…) for a batch (an ORM createMany builds a payload object per row and field). */
async function createBatch(tx: Transaction, actor: Actor, batch: ValidRow[]) {
  const column = (pick: (row: CsvRow) => string | number | boolean | Date | null) => textColumn(batch, (row) => row, pick);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "service_record" (organization_id, campaign_id, customer_name, customer_phone, vehicle_info, service_type, status,
                                  appointment_date, rating, do_not_call, feedback, created_by, modified_by)
    SELECT ${actor.organizationId}::uuid, v.campaign_id::bigint, v.customer_name, v.customer_phone, v.vehicle_info, v.service_type, v.status,
           v.appointment_date::timestamptz, v.rating::smallint, v.do_not_call::boolean, v.feedback, ${actor.userId}, ${actor.userId}
      FROM unnest(${batch.map((row) => (row.campaignId === null ? null : String(row.campaignId)))}::text[], ${column((row) => row.customer_name)}::text[],
                  ${column((row) => row.customer_phone)}::text[], ${column((row) => row.vehicle_info)}::text[], ${column((row) => row.service_type)}::text[],
                  ${column((row) => row.status)}::text[], ${column((row) => row.appointment_date)}::text[], ${column((row) => row.rating)}::text[],
                  ${column((row) => row.do_not_call)}::text[], ${column((row) => row.feedback)}::text[])
           WITH ORDINALITY AS v(campaign_id, customer_name, customer_phone, vehicle_info, service_type, status, appointment_date, rating, do_not_call, feedback, position)
     ORDER BY v.position`);
}

/** Nothing of the import is kept (the database refused rows, or rows were invalid): carries the report out of the rolled-back transaction. */
class ImportRolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super("The import was rolled back.");
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

/** Writes one batch under a savepoint; when the database refuses it, the rows it refuses (found by halving). */
async function writeBatchOf<Item>(tx: Transaction, items: Item[], writer: Writer<Item>): Promise<ImportRowError[] | null> {
  if (!items.length) return null;
  const error = await attempt(tx, items, writer, true);
  if (!error) return null;
  const found: ImportRowError[] = [];
  await refusedRows(tx, items, writer, error, found);
  return found;
}

/**
 * One import, a batch of rows at a time inside one transaction: validates the rows, decides which are new and which
 * update a record, and writes them while the import can still be kept. Rows of later batches are still validated
 * after a bad row or a refusal, so that the report is complete; the caller then rolls everything back.
 */
class ImportRun {
  readonly report: ImportReport = { totalRows: 0, validRows: 0, invalidRows: 0, errors: [], duplicateRows: 0, toCreate: 0, toUpdate: 0, written: false, created: 0, updated: 0 };
  /** Rows the database refused: the import is abandoned. */
  refused: ImportRowError[] | null = null;
  /** Keys of the valid rows so far: a later row with the same key repeats it (and updates what it wrote). */
  private readonly seen = new Set<string>();
  private readonly campaignIds = new Map<string, bigint | null>();
  private writing: boolean;

  constructor(
    private readonly tx: Transaction,
    private readonly actor: Actor,
    private readonly input: ImportCsvInput,
  ) {
    this.writing = !input.dryRun;
  }

  private addErrors(errors: ImportRowError[]): void {
    const room = maxReportedErrors - this.report.errors.length;
    if (room > 0) this.report.errors.push(...errors.slice(0, room));
  }

  /** Looks up the campaigns the batch names and has not looked up yet (case-insensitive). */
  private async resolveCampaigns(rows: MappedRow[]): Promise<void> {
    const names = [...new Set(rows.map((row) => row.values.campaign.trim()).filter((name) => name && !this.campaignIds.has(name.toLowerCase())))];
    if (!names.length) return;
    const campaigns = await this.tx.campaign.findMany({ where: { name: { in: names, mode: "insensitive" } }, select: { id: true, name: true } });
    for (const name of names) this.campaignIds.set(name.toLowerCase(), null);
    for (const campaign of campaigns) this.campaignIds.set(campaign.name.toLowerCase(), campaign.id);
  }

  /** Validates the batch; its valid rows by key (a repeated key keeps the later row) and whether each key is new to the file. */
  private async validate(rows: MappedRow[]): Promise<Map<string, { row: ValidRow; first: boolean }>> {
    await this.resolveCampaigns(rows);
    const valid = new Map<string, { row: ValidRow; first: boolean }>();
    for (const { line, values: raw } of rows) {
      this.report.totalRows += 1;
      const parsed = csvRowSchema.safeParse(raw);
      const rowErrors: ImportRowError[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ row: line, field: String(issue.path[0] ?? "row"), message: issue.message }));
      // A Latin-1 (or other non-UTF-8) file read as UTF-8 shows U+FFFD where its accented letters were.
      for (const column of csvColumns) if (raw[column].includes("\uFFFD")) rowErrors.push({ row: line, field: column, message: notUtf8 });
      const campaignName = raw.campaign.trim();
      const campaignId = campaignName ? this.campaignIds.get(campaignName.toLowerCase()) : (this.input.campaignId ?? null);
      if (campaignName && campaignId === null) rowErrors.push({ row: line, field: "campaign", message: `No campaign is named "${campaignName}"` });
      if (rowErrors.length || !parsed.success) {
        this.report.invalidRows += 1;
        this.addErrors(rowErrors);
        continue;
      }
      const key = recordKey(campaignId ?? null, parsed.data.customer_phone, parsed.data.vehicle_info);
      const first = !this.seen.has(key);
      if (first) this.seen.add(key);
      else this.report.duplicateRows += 1;
      const earlier = valid.get(key);
      valid.set(key, { row: { line, campaignId: campaignId ?? null, data: parsed.data }, first: earlier ? earlier.first : first });
    }
    return valid;
  }

  async batch(rows: MappedRow[]): Promise<void> {
    const valid = await this.validate(rows);
    // All or nothing: once a row is bad, nothing will be kept, so nothing more is written.
    if (this.input.mode !== "valid_only" && this.report.invalidRows > 0) this.writing = false;
    const existing = await existingRecords(this.tx, this.actor.organizationId, [...valid.values()].map((entry) => entry.row));
    const creates: ValidRow[] = [];
    const updates: Update[] = [];
    for (const [key, { row, first }] of valid) {
      const id = existing.get(key);
      // A repeat of an earlier batch's row updates the record that row wrote; it is counted once, as that row.
      if (first) this.report[id === undefined ? "toCreate" : "toUpdate"] += 1;
      if (id === undefined) creates.push(row);
      else updates.push({ id, row });
    }
    if (!this.writing) return;
    const { tx, actor } = this;
    const refused =
      (await writeBatchOf(tx, creates, { lineOf: (row) => row.line, write: (batch) => createBatch(tx, actor, batch) })) ??
      (await writeBatchOf(tx, updates, { lineOf: (update) => update.row.line, write: (batch) => updateBatch(tx, actor.organizationId, actor.userId, batch) }));
    if (refused) {
      this.refused = refused;
      this.writing = false;
    }
  }
}

export async function importServiceRecords(db: ScopedDatabase, actor: Actor, input: ImportCsvInput): Promise<ImportReport> {
  const defaultCampaignId = input.campaignId ?? null;
  if (defaultCampaignId !== null && !(await db.campaign.findFirst({ where: { id: defaultCampaignId }, select: { id: true } }))) {
    throw new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });
  }
  const indexes = columnIndexes(checkFile(input.csv), input.mapping);
  try {
    return await db.$transaction(
      async (tx) => {
        const run = new ImportRun(tx, actor, input);
        for (const rows of mappedBatches(input.csv, indexes, writeBatch)) await run.batch(rows);
        const { report } = run;
        report.validRows = report.totalRows - report.invalidRows;
        if (run.refused) {
          // The refused rows count as invalid; the transaction rolls back, so nothing of this import is kept.
          const refusedCount = new Set(run.refused.map((rowError) => rowError.row)).size;
          report.validRows -= refusedCount;
          report.invalidRows += refusedCount;
          report.errors = [...report.errors, ...run.refused].sort((a, b) => a.row - b.row).slice(0, maxReportedErrors);
          throw new ImportRolledBack(report);
        }
        const nothingToWrite = input.dryRun || !report.validRows || (input.mode !== "valid_only" && report.invalidRows > 0);
        // Batches written before a bad row was found are undone with the transaction.
        if (nothingToWrite) throw new ImportRolledBack(report);
        await recordAudit(tx, {
          ...actor,
          entity: "service_record_import",
          action: "create",
          newValue: { rows: report.totalRows, created: report.toCreate, updated: report.toUpdate, skippedInvalid: report.invalidRows, mode: input.mode },
        });
        return { ...report, written: true, created: report.toCreate, updated: report.toUpdate };
      },
      { timeout: transactionTimeoutMs, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof ImportRolledBack) return error.report;
    throw error;
  }
}
