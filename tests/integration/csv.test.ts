import { beforeAll, describe, expect, it } from "vitest";
import { csvColumns, maxImportRows } from "@/lib/validation/service-record";
import { csvLine, parseCsv } from "@/server/services/csv";
import { serviceRecordConditions, serviceRecordCsvValues, serviceRecordPageSql } from "@/server/services/service-records";
import type { ServiceRecordRow } from "@/server/services/service-records";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

const identityMapping = Object.fromEntries(csvColumns.map((column) => [column, column]));

describe("the CSV parser", () => {
  it("reads quoted fields with commas, quotes and line breaks, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n\r\nlast,\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
      ["last", ""],
    ]);
  });

  it("writes what it reads, and guards formulas without touching phone numbers", () => {
    expect(csvLine(["+16145550100", "=SUM(A1)", 'He said "ok", then left'])).toBe('+16145550100,\'=SUM(A1),"He said ""ok"", then left"\r\n');
    expect(parseCsv(csvLine(["a,b", "c\nd"]))).toEqual([["a,b", "c\nd"]]);
  });
});

describe.each(databaseKinds)("CSV import and export on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let manager: ReturnType<typeof callerFor>;
  let campaignId: bigint;

  const mixedFile = [
    "Customer,Phone,Car,Service,Status,Rating",
    "Ada Lovelace,(614) 555-0142,2018 Subaru Outback,Oil change,,5",
    "Bad Phone,555-12,2017 Kia Soul,Brakes,,",
    "Grace Hopper,614-555-0143,2020 Ford F-150,Recall,Contacted,",
    ",614-555-0144,2016 Mazda 3,Tires,,",
    "Alan Turing,614 555 0145,2015 VW Golf,Brakes,Sleeping,9",
  ].join("\n");
  const mixedMapping = { customer_name: "Customer", customer_phone: "Phone", vehicle_info: "Car", service_type: "Service", status: "Status", rating: "Rating" };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    manager = callerFor(database.db, f.sunriseManager);
    campaignId = (await manager.campaign.create({ name: "Fall service", description: "", type: "service_reminder" })).id;
  });

  const importCount = () => database.db.serviceRecord.count({ where: { organizationId: f.sunrise.id, campaignId } });

  it("reports every bad row (line, field, message) before writing anything", async () => {
    const report = await manager.serviceRecord.importCsv({ csv: mixedFile, mapping: mixedMapping, campaignId, dryRun: true });
    expect(report).toMatchObject({ totalRows: 5, validRows: 2, invalidRows: 3, toCreate: 2, written: false });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: "customer_phone" }),
        expect.objectContaining({ row: 5, field: "customer_name" }),
        expect.objectContaining({ row: 6, field: "status" }),
        expect.objectContaining({ row: 6, field: "rating" }),
      ]),
    );
    expect(report.errors.map((error) => error.row)).not.toContain(2);
    expect(await importCount()).toBe(0);
  });

  it("writes nothing in all-or-nothing mode when a row is bad", async () => {
    const report = await manager.serviceRecord.importCsv({ csv: mixedFile, mapping: mixedMapping, campaignId, mode: "all_or_nothing", dryRun: false });
    expect(report.written).toBe(false);
    expect(await importCount()).toBe(0);
  });

  it("imports only the valid rows when asked, with one audit row, and a re-import updates instead of duplicating", async () => {
    const auditBefore = await database.db.auditLog.count({ where: { organizationId: f.sunrise.id, entity: "service_record_import" } });
    const first = await manager.serviceRecord.importCsv({ csv: mixedFile, mapping: mixedMapping, campaignId, mode: "valid_only", dryRun: false });
    expect(first).toMatchObject({ written: true, created: 2, updated: 0 });
    expect(await importCount()).toBe(2);
    const ada = await database.db.serviceRecord.findFirstOrThrow({ where: { organizationId: f.sunrise.id, customerName: "Ada Lovelace" } });
    expect(ada).toMatchObject({ customerPhone: "+16145550142", vehicleInfo: "2018 Subaru Outback", rating: 5, status: "Scheduled", createdBy: f.sunriseManager.id });

    const again = await manager.serviceRecord.importCsv({ csv: mixedFile.replace("Oil change", "Oil and filter"), mapping: mixedMapping, campaignId, mode: "valid_only", dryRun: false });
    expect(again).toMatchObject({ written: true, created: 0, updated: 2 });
    expect(await importCount()).toBe(2);
    expect((await database.db.serviceRecord.findUniqueOrThrow({ where: { id: ada.id } })).serviceType).toBe("Oil and filter");
    expect(await database.db.auditLog.count({ where: { organizationId: f.sunrise.id, entity: "service_record_import" } })).toBe(auditBefore + 2);
  });

  it("finds an imported customer by phone, in any format, and by prefix words over name and vehicle", async () => {
    const byPhone = await manager.serviceRecord.list({ search: "(614) 555-0143" });
    expect(byPhone.items.map((item) => item.customerName)).toEqual(["Grace Hopper"]);
    const byWords = await manager.serviceRecord.list({ search: "grac F-15" });
    expect(byWords.items.map((item) => item.customerName)).toEqual(["Grace Hopper"]);
    const bayview = await callerFor(database.db, f.bayviewAdmin).serviceRecord.list({ search: "Grace" });
    expect(bayview.items).toEqual([]);
  });

  it("refuses another organization's campaign as the import's target", async () => {
    const error = await callerFor(database.db, f.bayviewAdmin)
      .serviceRecord.importCsv({ csv: mixedFile, mapping: mixedMapping, campaignId, dryRun: true })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports the filter with the import's columns, and importing the export gives the same records (round trip)", async () => {
    const where = serviceRecordConditions(f.sunrise.id, { campaignId }, "America/New_York");
    const rows = await database.db.$queryRaw<ServiceRecordRow[]>(serviceRecordPageSql(where, null, 1000));
    const exported = csvLine([...csvColumns]) + rows.map((row) => csvLine(serviceRecordCsvValues(row))).join("");
    expect(parseCsv(exported)[0]).toEqual([...csvColumns]);
    const snapshot = async () =>
      (await database.db.serviceRecord.findMany({ where: { organizationId: f.sunrise.id, campaignId }, orderBy: { id: "asc" } })).map((record) => ({ ...record, updatedAt: null }));
    const before = await snapshot();

    const sameOrganization = await manager.serviceRecord.importCsv({ csv: exported, mapping: identityMapping, mode: "all_or_nothing", dryRun: false });
    expect(sameOrganization).toMatchObject({ invalidRows: 0, created: 0, updated: before.length });
    expect(await snapshot()).toEqual(before);

    // Into a fresh organization's campaign of the same name: the same records, field by field.
    const bayview = callerFor(database.db, f.bayviewAdmin);
    const bayviewCampaign = await bayview.campaign.create({ name: "Fall service", description: "", type: "service_reminder" });
    const copied = await bayview.serviceRecord.importCsv({ csv: exported, mapping: identityMapping, mode: "all_or_nothing", dryRun: false });
    expect(copied).toMatchObject({ created: before.length, invalidRows: 0 });
    const fields = ({ customerName, customerPhone, vehicleInfo, serviceType, status, appointmentDate, rating, doNotCall, feedback }: Omit<(typeof before)[number], "updatedAt">) => ({
      customerName,
      customerPhone,
      vehicleInfo,
      serviceType,
      status,
      appointmentDate,
      rating,
      doNotCall,
      feedback,
    });
    const bayviewRecords = await database.db.serviceRecord.findMany({ where: { organizationId: f.bayview.id, campaignId: bayviewCampaign.id }, orderBy: { customerName: "asc" } });
    expect(bayviewRecords.map(fields)).toEqual([...before].sort((a, b) => (a.customerName ?? "").localeCompare(b.customerName ?? "")).map(fields));
  });

  it("imports 50,000 rows (the per-file limit) in one go", async () => {
    const lines = ["name,phone,vehicle"];
    for (let index = 0; index < maxImportRows; index += 1) lines.push(`Bulk Customer ${index},+161477${String(index).padStart(5, "0")},Car ${index}`);
    const report = await manager.serviceRecord.importCsv({ csv: lines.join("\n"), mapping: { customer_name: "name", customer_phone: "phone", vehicle_info: "vehicle" }, mode: "all_or_nothing", dryRun: false });
    expect(report).toMatchObject({ totalRows: 50_000, created: 50_000, written: true });
    const page = await manager.serviceRecord.list({ search: "bulk", limit: 100 });
    expect(page.items).toHaveLength(100);
    const next = await manager.serviceRecord.list({ search: "bulk", limit: 100, cursor: page.nextCursor });
    expect(next.items[0]!.id < page.items[99]!.id || next.items[0]!.createdAt < page.items[99]!.createdAt).toBe(true);
    expect(new Set([...page.items, ...next.items].map((item) => item.id)).size).toBe(200);
  }, 180_000);
});
