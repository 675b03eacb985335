import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { profileFormValues } from "@/lib/validation/organization-profile";

// Pages show phone numbers as the server formats them (the …Display fields), so that the browser needs no
// phone metadata (issue #10). The raw E.164 values stay for forms and links.
describe.each(databaseKinds)("formatted phone numbers in router outputs on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("lists and shows service records, bookings and inquiries with their numbers formatted, and empty without one", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const record = await manager.serviceRecord.create({ customerName: "Phoebe Phone", customerPhone: "(614) 555-0177" });
    const noPhone = await manager.serviceRecord.create({ customerName: "Nora Nophone" });
    expect(await manager.serviceRecord.byId({ id: String(record.id) })).toMatchObject({ customerPhone: "+16145550177", customerPhoneDisplay: "+1 614 555 0177" });
    expect(await manager.serviceRecord.byId({ id: String(noPhone.id) })).toMatchObject({ customerPhone: null, customerPhoneDisplay: "" });
    const list = await manager.serviceRecord.list({ search: "Phoebe" });
    expect(list.items.find((item) => item.id === record.id)).toMatchObject({ customerPhoneDisplay: "+1 614 555 0177" });

    await manager.booking.create({ serviceRecordId: record.id, scheduledTime: new Date("2026-12-02T15:30:00Z"), status: "Confirmed" });
    const week = await manager.booking.list({ from: new Date("2026-11-30T05:00:00Z"), to: new Date("2026-12-07T05:00:00Z") });
    expect(week.find((booking) => booking.serviceRecord?.id === record.id)?.serviceRecord).toMatchObject({ customerPhone: "+16145550177", customerPhoneDisplay: "+1 614 555 0177" });

    const inquiry = await manager.inquiry.create({ customerName: "Ivy Inquiry", email: "", phone: "614 555 0178", message: "" });
    const inquiries = await manager.inquiry.list({});
    expect(inquiries.items.find((item) => item.id === inquiry.id)).toMatchObject({ phone: "+16145550178", phoneDisplay: "+1 614 555 0178" });
  });

  it("shows the organization's service phone formatted to the super admin", async () => {
    const detail = await callerFor(database.db, f.superAdmin).organization.byId({ id: f.sunrise.id });
    const stored = await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id }, select: { phoneService: true } });
    expect(detail.phoneService).toBe(stored.phoneService);
    if (stored.phoneService) expect(detail.phoneServiceDisplay).toMatch(/^\+\d+ /);
    else expect(detail.phoneServiceDisplay).toBe("");
  });
  it("gives the profile and caller ID forms their numbers formatted, so that they load no phone metadata", async () => {
    const admin = callerFor(database.db, f.sunriseAdmin);
    const current = await admin.organization.current();
    const updated = await admin.organization.updateCurrent({ ...profileFormValues(current), phoneSales: "(614) 555-0166", phoneSupport: "", expectedUpdatedAt: current.updatedAt });
    expect(updated).toMatchObject({ phoneSales: "+16145550166", phoneSalesDisplay: "+1 614 555 0166", phoneSupport: null, phoneSupportDisplay: "" });
    expect(await admin.organization.current()).toMatchObject({ phoneSalesDisplay: "+1 614 555 0166", phoneSupportDisplay: "" });

    await admin.setting.upsert({ key: "caller_id", value: "614.555.0155" });
    const settings = await admin.setting.list();
    expect(settings.find((setting) => setting.key === "caller_id")).toMatchObject({ value: "+16145550155", valueDisplay: "+1 614 555 0155" });
    await admin.setting.upsert({ key: "agent_greeting", value: "Hello from Sunrise" });
    expect((await admin.setting.list()).find((setting) => setting.key === "agent_greeting")).toMatchObject({ value: "Hello from Sunrise", valueDisplay: "Hello from Sunrise" });
  });
});
