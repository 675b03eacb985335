import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import type { TestDatabase } from "../helpers/db";

const validProfile = {
  name: "Sunrise Motors",
  email: "service@sunrise.test",
  phoneSales: "(614) 555-0100",
  phoneSupport: "",
  phoneService: "+1 614 555 0102",
  description: "Honda and Toyota service",
  location: "Columbus, OH",
  serviceTypes: ["Oil change", "Brakes", "oil change"],
  focusAreas: ["Recalls"],
  hipaaCompliant: false,
  pciCompliant: true,
};

describe.each(databaseKinds)("organization router on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("returns the caller's own organization to every role", async () => {
    const asManager = await callerFor(database.db, f.sunriseManager).organization.current();
    expect(asManager.id).toBe(f.sunrise.id);
    expect(asManager.plan?.name).toBe("Growth");
    expect(asManager.creditBalance.toString()).toBe("842.5");
    expect(asManager.timezone).toBe("America/New_York");
    const asBayview = await callerFor(database.db, f.bayviewAdmin).organization.current();
    expect(asBayview.id).toBe(f.bayview.id);
    expect(asBayview.name).toBe("Bayview Auto Care");
  });

  it("lets an Admin update the profile, normalizing phones and chips, with an audit row of old and new values", async () => {
    const updated = await callerFor(database.db, f.sunriseAdmin).organization.updateCurrent({ ...validProfile, location: "Dublin, OH" });
    expect(updated.phoneSales).toBe("+16145550100");
    expect(updated.phoneSupport).toBeNull();
    expect(updated.serviceTypes).toEqual(["Oil change", "Brakes"]);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { organizationId: f.sunrise.id, entity: "organization" }, orderBy: { id: "desc" } });
    expect(audit.action).toBe("update");
    expect(audit.userId).toBe(f.sunriseAdmin.id);
    expect(audit.entityId).toBe(f.sunrise.id);
    expect(audit.oldValue).toMatchObject({ location: null, phoneSales: null });
    expect(audit.newValue).toMatchObject({ location: "Dublin, OH", phoneSales: "+16145550100" });
  });

  it("refuses Managers with FORBIDDEN and leaves the row unchanged", async () => {
    const before = await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id } });
    const error = await errorOf(callerFor(database.db, f.sunriseManager).organization.updateCurrent({ ...validProfile, name: "Hijacked" }));
    expect(error.code).toBe("FORBIDDEN");
    const after = await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id } });
    expect(after.name).toBe(before.name);
  });

  it("never lets one organization's Admin change another's", async () => {
    await callerFor(database.db, f.bayviewAdmin).organization.updateCurrent({ ...validProfile, name: "Bayview Auto Care", email: "hello@bayview.test" });
    const sunrise = await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id } });
    expect(sunrise.email).toBe("service@sunrise.test");
    const bayview = await database.db.organization.findUniqueOrThrow({ where: { id: f.bayview.id } });
    expect(bayview.location).toBe("Columbus, OH");
  });

  it("rejects bad input with BAD_REQUEST naming the field", async () => {
    const error = await errorOf(callerFor(database.db, f.sunriseAdmin).organization.updateCurrent({ ...validProfile, email: "not-an-email", phoneSales: "12" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("email");
    expect(error.message).toContain("phoneSales");
  });

  it("answers a taken name with CONFLICT", async () => {
    const error = await errorOf(callerFor(database.db, f.sunriseAdmin).organization.updateCurrent({ ...validProfile, name: "Bayview Auto Care" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("name");
  });

  it("rolls the change back when its audit row cannot be written", async () => {
    await database.sql(`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''audit unavailable''; END'`);
    await database.sql(`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_audit()`);
    try {
      const error = await errorOf(callerFor(database.db, f.sunriseAdmin).organization.updateCurrent({ ...validProfile, location: "Should not stick" }));
      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
      const sunrise = await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id } });
      expect(sunrise.location).not.toBe("Should not stick");
    } finally {
      await database.sql(`DROP TRIGGER fail_audit ON audit_log`);
      await database.sql(`DROP FUNCTION fail_audit()`);
    }
  });
});
