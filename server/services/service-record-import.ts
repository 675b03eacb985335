import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import { csvColumns, csvRowSchema, maxImportRows } from "@/lib/validation/service-record";
import type { CsvColumn, CsvRow, ImportCsvInput } from "@/lib/validation/service-record";
import { Prisma } from "../generated/prisma/client";
import type { ScopedDatabase } from "../db/scoped";
import { recordAudit } from "./audit";
import type { Actor } from "../api/trpc";
import { parseCsv } from "./csv";

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

function mappingError(message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message, cause: new ZodRealError([{ code: "custom", path: ["mapping"], message, input: undefined }]) });
}

/** Undoes the export's guard against spreadsheet formulas (a leading apostrophe). */
function unguard(value: string): string {
  return /^'(=|@|[+-](?!\d))/.test(value) ? value.slice(1) : value;
}

function mapRows(csv: string, mapping: ImportCsvInput["mapping"]): { rows: Record<CsvColumn, string>[] } {
  const table = parseCsv(csv);
  const header = (table[0] ?? []).map((cell) => cell.trim());
  const body = table.slice(1);
  if (!header.length) throw mappingError("The file has no header row.");
  if (body.length > maxImportRows) throw mappingError(`The file has ${body.length.toLocaleString("en-US")} rows; import at most ${maxImportRows.toLocaleString("en-US")} at a time.`);
  const indexes = {} as Record<CsvColumn, number>;
  for (const column of csvColumns) {
    const source = mapping[column];
    indexes[column] = source ? header.indexOf(source.trim()) : -1;
    if (source && indexes[column] < 0) throw mappingError(`The file has no column "${source}".`);
  }
  if (indexes.customer_name < 0 || indexes.customer_phone < 0) throw mappingError("Choose the columns that hold the customer's name and phone.");
  const rows = body.map((cells) => Object.fromEntries(csvColumns.map((column) => [column, indexes[column] < 0 ? "" : unguard(cells[indexes[column]] ?? "")])) as Record<CsvColumn, string>);
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
  const names = [...new Set(rows.map((row) => row.campaign.trim()).filter(Boolean))];
  const campaignIds = await campaignsByName(db, names);
  const errors: ImportRowError[] = [];
  const valid = new Map<string, ValidRow>();
  let invalidRows = 0;
  let duplicateRows = 0;
  rows.forEach((raw, index) => {
    const line = index + 2;
    const parsed = csvRowSchema.safeParse(raw);
    const rowErrors: ImportRowError[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ row: line, field: String(issue.path[0] ?? "row"), message: issue.message }));
    const campaignName = raw.campaign.trim();
    const campaignId = campaignName ? campaignIds.get(campaignName.toLowerCase()) : defaultCampaignId;
    if (campaignId === undefined) rowErrors.push({ row: line, field: "campaign", message: `No campaign is named "${campaignName}"` });
    if (rowErrors.length || !parsed.success) {
      invalidRows += 1;
      errors.push(...rowErrors);
      return;
    }
    const key = recordKey(campaignId ?? null, parsed.data.customer_phone, parsed.data.vehicle_info);
    if (valid.has(key)) duplicateRows += 1;
    valid.set(key, { line, campaignId: campaignId ?? null, data: parsed.data });
  });
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

const textArray = (values: (string | null)[]) => values;

/** One UPDATE … FROM unnest(…) per batch: thousands of rows in a few statements. */
async function updateRows(tx: Transaction, organizationId: string, userId: bigint, updates: { id: bigint; row: ValidRow }[]) {
  for (let start = 0; start < updates.length; start += writeBatch) {
    const batch = updates.slice(start, start + writeBatch);
    const column = (pick: (row: CsvRow) => string | number | boolean | Date | null) =>
      textArray(batch.map(({ row }) => {
        const value = pick(row.data);
        if (value === null) return null;
        return value instanceof Date ? value.toISOString() : String(value);
      }));
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
  return db.$transaction(
    async (tx) => {
      const existing = await existingRecords(tx, validRows);
      const updates: { id: bigint; row: ValidRow }[] = [];
      const creates: ValidRow[] = [];
      for (const row of validRows) {
        const id = existing.get(recordKey(row.campaignId, row.data.customer_phone, row.data.vehicle_info));
        if (id === undefined) creates.push(row);
        else updates.push({ id, row });
      }
      report.toCreate = creates.length;
      report.toUpdate = updates.length;
      if (nothingToWrite) return report;
      for (let start = 0; start < creates.length; start += writeBatch) {
        await tx.serviceRecord.createMany({
          data: creates.slice(start, start + writeBatch).map(({ campaignId, data }) => ({
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
      await updateRows(tx, actor.organizationId, actor.userId, updates);
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
}
