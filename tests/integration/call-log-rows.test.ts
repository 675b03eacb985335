import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { requestSessionClaims } from "@/server/auth/request-session";
import { plainSessionCookie, secureSessionCookie } from "@/server/auth/session-token";
import { createCall } from "../helpers/calls";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

// The call log reads its rows, a call's page and its status counts with one statement each (raw SQL and the
// daily rollup instead of Prisma's query per relation): what a row shows must be what the data says.

const minutes = (count: number) => new Date(Date.UTC(2026, 9, 1, 14, 0, 0) + count * 60_000);

describe.each(databaseKinds)("call log rows on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("shows each row's customer, campaign, agent, tags in the order they were set, booking and recording", async () => {
    const db = database.db;
    const record = await db.serviceRecord.create({ data: { organizationId: f.sunrise.id, customerName: "Dana Row", customerPhone: "+16145550199", serviceType: "Oil change" } });
    const campaign = await db.campaign.create({ data: { organizationId: f.sunrise.id, name: "Rows campaign" } });
    const agent = await db.agent.create({ data: { organizationId: f.sunrise.id, name: "Rowan" } });
    const [second, first] = [
      await db.tag.create({ data: { organizationId: f.sunrise.id, name: "Zeta", nameKey: "zeta" } }),
      await db.tag.create({ data: { organizationId: f.sunrise.id, name: "Alpha", nameKey: "alpha" } }),
    ];
    const full = await createCall(db, f.sunrise.id, { startTime: minutes(10), serviceRecordId: record.id, campaignId: campaign.id, agentId: agent.id, outcome: "booked", reviewed: true, audioPath: "rows.wav" });
    await db.callTag.create({ data: { callId: full.id, tagId: first.id, createdAt: minutes(11) } });
    await db.callTag.create({ data: { callId: full.id, tagId: second.id, createdAt: minutes(12) } });
    await db.booking.create({ data: { organizationId: f.sunrise.id, callId: full.id, scheduledTime: minutes(100) } });
    const bare = await createCall(db, f.sunrise.id, { startTime: minutes(5), durationSec: null, customerNumber: "+16145550111" });

    const page = await callerFor(db, f.sunriseManager).calls.list({ limit: 50, filters: { from: "2026-10-01", to: "2026-10-01" } });
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get(full.id)).toEqual({
      id: full.id,
      startTime: minutes(10),
      durationSec: 90,
      customerNumber: "+16145550100",
      customerNumberDisplay: "+1 614 555 0100",
      direction: "outbound",
      status: "completed",
      outcome: "booked",
      reviewedAt: full.reviewedAt,
      serviceRecord: { id: record.id, customerName: "Dana Row" },
      campaign: { id: campaign.id, name: "Rows campaign" },
      agent: { id: agent.id, name: "Rowan" },
      tags: [{ id: first.id, name: "Alpha" }, { id: second.id, name: "Zeta" }],
      hasBooking: true,
      hasAudio: true,
    });
    expect(byId.get(bare.id)).toMatchObject({ customerNumberDisplay: "+1 614 555 0111", durationSec: null, serviceRecord: null, campaign: null, agent: null, tags: [], hasBooking: false, hasAudio: false });
    expect(page.items.map((item) => item.id)).toEqual([full.id, bare.id]);

    const detail = await callerFor(db, f.sunriseManager).calls.byId({ id: full.id });
    expect(detail).toMatchObject({
      id: full.id,
      startTime: minutes(10),
      customerNumberDisplay: "+1 614 555 0100",
      reviewer: null,
      serviceRecord: { id: record.id, customerName: "Dana Row", customerPhone: "+16145550199", customerPhoneDisplay: "+1 614 555 0199", serviceType: "Oil change", doNotCall: false, appointmentDate: null },
      campaign: { id: campaign.id, name: "Rows campaign", type: "service_reminder", status: "Draft" },
      agent: { id: agent.id, name: "Rowan", voice: null, language: "en-US" },
      bookings: [{ scheduledTime: minutes(100), status: "Pending" }],
      audioFile: { fileFormat: "wav", durationSec: 90 },
      tags: [{ id: first.id, name: "Alpha" }, { id: second.id, name: "Zeta" }],
      transcripts: [],
    });
    expect(typeof detail.bookings[0]!.id).toBe("bigint");
  });

  it("pages through calls without a start time after the others, in both directions, from any cursor", async () => {
    const db = database.db;
    const org = await db.organization.create({ data: { name: `Keyset ${kind}`, email: `keyset-${kind}@example.test` } });
    const manager = await db.user.create({ data: { organizationId: org.id, email: `keyset-${kind}@example.test`, role: "Manager", name: "Keyset", passwordHash: "unused" } });
    const ids: bigint[] = [];
    for (let index = 0; index < 9; index++) ids.push((await createCall(db, org.id, { startTime: index < 6 ? minutes(Math.floor(index / 2)) : null })).id);
    const caller = callerFor(db, { id: manager.id, email: manager.email, role: "Manager", organizationId: org.id, sessionVersion: 0 });
    for (const sort of ["time_desc", "time_asc"] as const) {
      const seen: bigint[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof caller.calls.list>> = await caller.calls.list({ sort, limit: 2, cursor });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      const started = ids.slice(0, 6).sort((a, b) => (a < b ? -1 : 1));
      const newestFirst = [started[5]!, started[4]!, started[3]!, started[2]!, started[1]!, started[0]!];
      const unstarted = ids.slice(6);
      expect(seen, sort).toEqual(sort === "time_desc" ? [...newestFirst, ...unstarted.reverse()] : [...started, ...unstarted]);
      unstarted.reverse();
    }
  });

  it("counts calls per status from the daily rollup exactly as counting the calls does, calls not started yet included", async () => {
    const db = database.db;
    const org = await db.organization.create({ data: { name: `Counts ${kind}`, email: `counts-${kind}@example.test` } });
    const admin = await db.user.create({ data: { organizationId: org.id, email: `counts-${kind}@example.test`, role: "Admin", name: "Counts", passwordHash: "unused" } });
    const campaign = await db.campaign.create({ data: { organizationId: org.id, name: "Counted" } });
    const caller = callerFor(db, { id: admin.id, email: admin.email, role: "Admin", organizationId: org.id, sessionVersion: 0 });
    const statuses = ["completed", "no_answer", "busy", "completed", "voicemail"];
    // 03:30Z on Oct 2 is still Oct 1 in New York, the organization's (default) time zone.
    const starts = [minutes(0), minutes(60 * 13.5), minutes(60 * 24 * 2), null];
    const calls = [];
    for (let index = 0; index < 12; index++) {
      calls.push(await createCall(db, org.id, { startTime: starts[index % starts.length]!, status: statuses[index % statuses.length], campaignId: index % 3 === 0 ? campaign.id : undefined }));
    }
    await db.call.update({ where: { id: calls[1]!.id }, data: { status: "completed" } });
    await db.call.delete({ where: { id: calls[2]!.id } });

    const counted = async (where: object) => {
      const groups = await db.call.groupBy({ by: ["status"], where: { organizationId: org.id, ...where }, _count: { _all: true } });
      return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
    };
    const octoberFirst = { startTime: { gte: new Date("2026-10-01T04:00:00Z"), lt: new Date("2026-10-02T04:00:00Z") } };
    const cases: [Record<string, string>, object][] = [
      [{}, {}],
      [{ status: "busy" }, {}],
      [{ from: "2026-10-01", to: "2026-10-01" }, octoberFirst],
      [{ from: "2026-10-02" }, { startTime: { gte: new Date("2026-10-02T04:00:00Z") } }],
      [{ campaignId: String(campaign.id) }, { campaignId: campaign.id }],
      // Not answered by the rollup: counted from the calls.
      [{ direction: "outbound" }, { direction: "outbound" }],
    ];
    for (const [filters, where] of cases) {
      const expected = await counted(where);
      const answer = await caller.calls.statusCounts({ filters });
      expect(answer.byStatus, JSON.stringify(filters)).toEqual(expected);
      expect(answer.total).toBe(Object.values(expected).reduce((sum, n) => sum + n, 0));
    }
  });

  it("gives a super admin inside another organization that organization's time zone", async () => {
    const db = database.db;
    await db.setting.upsert({
      where: { organizationId_key: { organizationId: f.bayview.id, key: "timezone" } },
      create: { organizationId: f.bayview.id, key: "timezone", value: "America/Los_Angeles" },
      update: { value: "America/Los_Angeles" },
    });
    const acting = await callerFor(db, f.superAdmin, { actingOrganizationId: f.bayview.id }).calls.list({ limit: 1 });
    expect(acting.timeZone).toBe("America/Los_Angeles");
    expect((await callerFor(db, f.sunriseManager).calls.list({ limit: 1 })).timeZone).toBe("America/New_York");
  });
});

describe("reading the session from the request's cookie", () => {
  const now = Date.now();
  const secret = "a-test-secret-that-is-long-enough-0123456789";
  const read = (headers: Headers) => requestSessionClaims(headers, now, secret);
  const cookieFor = async (name: string, token: Record<string, unknown>, key = secret) => `${name}=${await encode({ token, secret: key, salt: name, maxAge: 3600 })}`;
  const headersWith = (cookie: string, proto = "http") => new Headers({ cookie, "x-forwarded-proto": proto });

  it("reads the claims Auth.js would, and nothing from a forged, expired or foreign-named token", async () => {
    const claims = { userId: "42", sessionVersion: 3, actingOrganizationId: null, signedInAt: now - 60_000, lastSeenAt: now - 60_000 };
    const cookie = await cookieFor(plainSessionCookie, claims);
    expect(await read(headersWith(`theme=dark; ${cookie}`))).toEqual(claims);
    // Twice: the second read comes from the decoded-token cache and says the same.
    expect(await read(headersWith(cookie))).toEqual(claims);
    expect(await read(headersWith(await cookieFor(plainSessionCookie, claims, "another-secret-another-secret-0123456789")))).toBeNull();
    expect(await read(headersWith(await cookieFor(plainSessionCookie, { ...claims, lastSeenAt: now - 13 * 3600_000 })))).toBeNull();
    // Over https Auth.js reads only the __Secure- cookie.
    expect(await read(headersWith(cookie, "https"))).toBeNull();
    expect(await read(headersWith(await cookieFor(secureSessionCookie, claims), "https"))).toEqual(claims);
    expect(await read(headersWith(""))).toBeNull();
    // A token in chunks is left to Auth.js.
    expect(await read(headersWith(`${plainSessionCookie}.0=abc; ${plainSessionCookie}.1=def`))).toBeUndefined();
  });
});
