import { beforeAll, describe, expect, it } from "vitest";
import { importCsvInput } from "@/lib/validation/service-record";
import { scopedDb } from "@/server/db/scoped";
import { CsvReader, readCsv } from "@/server/services/csv";
import { importServiceRecords } from "@/server/services/service-record-import";
import { callerFor, createFixtures } from "../../helpers/fixtures";
import type { Fixtures } from "../../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { errorOf } from "../../helpers/errors";

/** What the browser's File.text() makes of a file's bytes: they are read as UTF-8, whatever they are. */
const asBrowserReadsIt = (bytes: Buffer) => new TextDecoder("utf-8").decode(bytes);

const mapping = { customer_name: "name", customer_phone: "phone", vehicle_info: "vehicle" };
const phone = (index: number) => `+1614888${String(index).padStart(4, "0")}`;
function fileOf(rows: number, line: (index: number) => string = (index) => `Customer ${index},${phone(index)},Car ${index}`): string {
  return ["name,phone,vehicle", ...Array.from({ length: rows }, (_, index) => line(index))].join("\n");
}

describe("reading CSV with broken quoting", () => {
  it("says on which line a quoted field is never closed", () => {
    expect(readCsv('name,phone\n"Ada,614-555-0100\nGrace,614-555-0101\n').problem).toEqual({ line: 2, message: expect.stringContaining("never closed") });
  });

  it("says on which line text follows a closing quote", () => {
    expect(readCsv('name,phone\nAda,614-555-0100\n"Grace" Hopper,614-555-0101\n').problem).toEqual({ line: 3, message: expect.stringContaining("closing quote") });
  });

  it("keeps a quote inside an unquoted field, and numbers rows by the line they start on", () => {
    const reading = readCsv('name,vehicle\r\n"Ada\nLovelace",17" wheels\r\n\r\nGrace,"Ford ""F-150"""\r\n');
    expect(reading.problem).toBeNull();
    expect(reading.records).toEqual([
      { line: 1, cells: ["name", "vehicle"] },
      { line: 2, cells: ["Ada\nLovelace", '17" wheels'] },
      { line: 5, cells: ["Grace", 'Ford "F-150"'] },
    ]);
  });
});

describe("reading CSV a piece at a time", () => {
  const texts = [
    '\uFEFFname,vehicle\r\n"Ada\r\nLovelace",17" wheels\r\n\r\nGrace,"Ford ""F-150"""\r\nlast,"x"',
    'a,b\r"q\r\nr",""""\n\nc,d\r\n',
    'name,phone\n"Ada,614-555-0100\nGrace,614-555-0101\n',
    'name,phone\nAda,614-555-0100\n"Grace" Hopper,614-555-0101\n',
    'a,"b"',
  ];

  it.each(texts.map((text, index) => [index, text]))("reads text %i the same, with the same lines and problem, wherever it is split", (_, text) => {
    const whole = readCsv(text);
    for (let split = 0; split <= text.length; split += 1) {
      for (const second of [split, Math.min(text.length, split + 1)]) {
        const reader = new CsvReader();
        const records = [...reader.push(text.slice(0, split)), ...reader.push(text.slice(split, second)), ...reader.push(text.slice(second)), ...reader.end()];
        expect({ records, problem: reader.problem }).toEqual(whole);
      }
    }
  });
});

describe.each(databaseKinds)("CSV import of bad files on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let manager: ReturnType<typeof callerFor>;

  const recordCount = () => database.db.serviceRecord.count({ where: { organizationId: f.sunrise.id } });
  const importAuditCount = () => database.db.auditLog.count({ where: { organizationId: f.sunrise.id, entity: "service_record_import" } });
  const importFile = (csv: string, options: { dryRun?: boolean; mode?: "all_or_nothing" | "valid_only" } = {}) =>
    manager.serviceRecord.importCsv({ csv, mapping, mode: options.mode ?? "all_or_nothing", dryRun: options.dryRun ?? false });

  /** The call's refusal, checking that it is a clear BAD_REQUEST that names the input field, and that nothing was written. */
  async function refusal(csv: string) {
    const before = await recordCount();
    const error = await errorOf(importFile(csv));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await recordCount()).toBe(before);
    return error.message;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    manager = callerFor(database.db, f.sunriseManager);
  });

  it("refuses broken quoting, naming the line, and writes nothing", async () => {
    expect(await refusal('name,phone,vehicle\nAda,614-555-0100,Subaru\n"Grace,614-555-0101,Ford\nAlan,614-555-0102,VW\n')).toBe(
      'The file\'s quoting is broken. Line 3: a quoted field is never closed (a missing " before the end of the file).',
    );
    expect(await refusal('name,phone,vehicle\n"Ada" Lovelace,614-555-0100,Subaru\n')).toContain("Line 2: text follows a closing quote");
  });

  it("imports a quote inside a field and reports rows by their real line when a field spans lines", async () => {
    const report = await importFile('name,phone,vehicle\n"Ada\nLovelace",614-555-0110,17" wheels\nBad Phone,555-12,Kia\n', { dryRun: true });
    expect(report).toMatchObject({ totalRows: 2, validRows: 1, invalidRows: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 4, field: "customer_phone" })]);
  });

  it("names the rows of a Latin-1 file (read as UTF-8) and writes nothing", async () => {
    const latin1 = Buffer.from("name,phone,vehicle\nJosé Núñez,614-555-0120,Citroën C3\nPlain Name,614-555-0121,Ford\n", "latin1");
    const report = await importFile(asBrowserReadsIt(latin1));
    expect(report.written).toBe(false);
    expect(report).toMatchObject({ totalRows: 2, invalidRows: 1 });
    expect(report.errors).toEqual([
      { row: 2, field: "customer_name", message: expect.stringContaining('not UTF-8 text. Save it as "CSV UTF-8"') },
      { row: 2, field: "vehicle_info", message: expect.stringContaining("not UTF-8") },
    ]);
    expect(await recordCount()).toBe(0);
  });

  it("refuses a UTF-16 file (read as UTF-8) with a clear message instead of a database error", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name,phone,vehicle\r\nAda,614-555-0130,Subaru\r\n", "utf16le")]);
    // Through tRPC, every input string with a NUL is refused before the procedure runs.
    expect(await refusal(asBrowserReadsIt(utf16))).toContain("NUL character");
    // The import service says more to any other caller (a script, an upload route): where, and what to do.
    const direct = importServiceRecords(scopedDb(database.db, f.sunrise.id), { organizationId: f.sunrise.id, userId: f.sunriseManager.id }, importCsvInput.parse({ csv: asBrowserReadsIt(utf16), mapping, dryRun: false }));
    const error = await errorOf(direct);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe('Line 1 holds NUL characters: the file is probably UTF-16 (Unicode) text. Save it as "CSV UTF-8" and import it again.');
    expect(await recordCount()).toBe(0);
  });

  it("reads a UTF-8 file with a byte-order mark", async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("name,phone,vehicle\nZoë Ångström,614-555-0140,Škoda Octavia\n", "utf8")]);
    const report = await importFile(asBrowserReadsIt(withBom), { dryRun: true });
    expect(report).toMatchObject({ totalRows: 1, validRows: 1, invalidRows: 0, errors: [] });
  });

  it("refuses an empty file, a file of blank lines and a header without rows, each with its own message", async () => {
    const empty = await errorOf(importFile(""));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toContain("The file is empty");
    expect(await refusal("\r\n\n")).toBe("The file has no header row.");
    expect(await refusal("name,phone,vehicle\n")).toBe("The file has a header but no rows under it.");
  });

  it("refuses 50,001 rows with a message naming the limit of 50,000, quickly and without writing", async () => {
    const started = Date.now();
    expect(await refusal(fileOf(50_001))).toBe("The file has 50,001 rows; import at most 50,000 at a time.");
    expect(Date.now() - started).toBeLessThan(10_000);
    // A file over 10 MB is refused by its size before it is read.
    expect(await refusal(fileOf(1, () => `Long,${phone(1)},${"x".repeat(10_000_001)}`))).toContain("larger than 10 MB");
  });

  describe("read, checked and written a batch of rows at a time", () => {
    const otherPhone = (index: number) => `+1614666${String(index).padStart(4, "0")}`;
    const otherFile = (rows: number, line: (index: number) => string = (index) => `Batch ${index},${otherPhone(index)},Car ${index}`) => fileOf(rows, line);

    it("writes nothing in all-or-nothing mode when the only bad row comes after a batch that was written", async () => {
      const before = await recordCount();
      const auditBefore = await importAuditCount();
      const report = await importFile(otherFile(2_500, (index) => `Batch ${index},${index === 2_200 ? "555-12" : otherPhone(index)},Car ${index}`));
      expect(report).toMatchObject({ written: false, totalRows: 2_500, validRows: 2_499, invalidRows: 1, toCreate: 2_499, created: 0 });
      expect(report.errors).toEqual([expect.objectContaining({ row: 2_202, field: "customer_phone" })]);
      expect(await recordCount()).toBe(before);
      expect(await importAuditCount()).toBe(auditBefore);
    }, 60_000);

    it("counts a row that repeats one of an earlier batch once, and keeps the later row's values", async () => {
      const file = otherFile(1_500, (index) => (index === 1_300 ? `Later Name,${otherPhone(3)},car 3` : `Batch ${index},${otherPhone(index)},Car ${index}`));
      const check = await importFile(file, { dryRun: true });
      expect(check).toMatchObject({ written: false, totalRows: 1_500, validRows: 1_500, duplicateRows: 1, toCreate: 1_499, toUpdate: 0 });
      const before = await recordCount();
      const report = await importFile(file);
      expect(report).toMatchObject({ written: true, duplicateRows: 1, created: 1_499, updated: 0 });
      expect(await recordCount()).toBe(before + 1_499);
      const records = await database.db.serviceRecord.findMany({ where: { organizationId: f.sunrise.id, customerPhone: otherPhone(3) } });
      expect(records.map((record) => [record.customerName, record.vehicleInfo])).toEqual([["Later Name", "car 3"]]);
    }, 60_000);

    it("imports the valid rows of every batch when asked, skipping bad rows in the first and the last batch", async () => {
      const before = await recordCount();
      const report = await importFile(
        otherFile(2_200, (index) => `Valid ${index},${[100, 2_100].includes(index) ? "555-12" : otherPhone(5_000 + index)},Car ${index}`),
        { mode: "valid_only" },
      );
      expect(report).toMatchObject({ written: true, totalRows: 2_200, invalidRows: 2, created: 2_198 });
      expect(report.errors.map((error) => error.row)).toEqual([102, 2_102]);
      expect(await recordCount()).toBe(before + 2_198);
    }, 60_000);
  });

  describe("interrupted halfway by the database", () => {
    const refuseName = "Refused Customer";
    const installTrigger = async () => {
      await database.sql(`CREATE OR REPLACE FUNCTION test_refuse_customer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.customer_name = '${refuseName}' THEN RAISE EXCEPTION 'customer % is on the blocklist', NEW.customer_name; END IF;
          RETURN NEW;
        END $$`);
      await database.sql(`CREATE TRIGGER test_refuse_customer BEFORE INSERT OR UPDATE ON service_record FOR EACH ROW EXECUTE FUNCTION test_refuse_customer()`);
    };
    const dropTrigger = async () => {
      await database.sql(`DROP TRIGGER IF EXISTS test_refuse_customer ON service_record`);
      await database.sql(`DROP FUNCTION IF EXISTS test_refuse_customer()`);
    };

    it("leaves nothing of a 3,000-row import when a trigger refuses row 2,502 (after two batches were written)", async () => {
      await installTrigger();
      try {
        const before = await recordCount();
        const auditBefore = await importAuditCount();
        const report = await importFile(fileOf(3_000, (index) => `${index === 2_500 ? refuseName : `Customer ${index}`},${phone(index)},Car ${index}`));
        expect(report).toMatchObject({ written: false, created: 0, updated: 0, totalRows: 3_000, validRows: 2_999, invalidRows: 1 });
        expect(report.errors).toEqual([{ row: 2_502, field: "row", message: "The database refused this row: customer Refused Customer is on the blocklist" }]);
        expect(await recordCount()).toBe(before);
        expect(await importAuditCount()).toBe(auditBefore);
      } finally {
        await dropTrigger();
      }
    }, 60_000);

    it("leaves nothing of a re-import (updates) when the database refuses one of the updated rows", async () => {
      const first = await importFile(fileOf(1_500));
      expect(first).toMatchObject({ written: true, created: 1_500 });
      const snapshot = await database.sql(`SELECT count(*)::int AS n, md5(string_agg(customer_name || vehicle_info, ',' ORDER BY id)) AS sum FROM service_record WHERE organization_id = $1`, [f.sunrise.id]);
      await installTrigger();
      try {
        // Every row updates an existing record (same phone and vehicle); line 1,402 is refused.
        const report = await importFile(fileOf(1_500, (index) => `${index === 1_400 ? refuseName : `Renamed ${index}`},${phone(index)},Car ${index}`));
        expect(report).toMatchObject({ written: false, toUpdate: 1_500, invalidRows: 1 });
        expect(report.errors).toEqual([expect.objectContaining({ row: 1_402, field: "row", message: expect.stringContaining("blocklist") })]);
        expect(await database.sql(`SELECT count(*)::int AS n, md5(string_agg(customer_name || vehicle_info, ',' ORDER BY id)) AS sum FROM service_record WHERE organization_id = $1`, [f.sunrise.id])).toEqual(snapshot);
      } finally {
        await dropTrigger();
      }
    }, 60_000);

    it("names the row a table constraint refuses at insert, without SQL, and writes nothing", async () => {
      await database.sql(`ALTER TABLE service_record ADD CONSTRAINT test_no_lemons CHECK (vehicle_info IS DISTINCT FROM 'Lemon')`);
      try {
        const before = await recordCount();
        const report = await importFile(fileOf(20, (index) => `New ${index},+1614999${String(index).padStart(4, "0")},${index === 7 ? "Lemon" : `Car ${index}`}`));
        expect(report.written).toBe(false);
        expect(report.errors).toEqual([{ row: 9, field: "row", message: expect.stringContaining('"test_no_lemons"') }]);
        expect(report.errors[0]!.message).not.toMatch(/INSERT|SELECT|prisma|\n/i);
        expect(await recordCount()).toBe(before);
      } finally {
        await database.sql(`ALTER TABLE service_record DROP CONSTRAINT test_no_lemons`);
      }
    });
  });
});
