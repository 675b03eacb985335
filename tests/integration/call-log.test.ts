import { beforeAll, describe, expect, it } from "vitest";
import { createCall } from "../helpers/calls";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";

const base = new Date("2026-10-01T14:00:00Z").getTime();
const minutes = (count: number) => new Date(base + count * 60_000);

type Caller = ReturnType<typeof callerFor>;
type ListInput = Parameters<Caller["calls"]["list"]>[0];

async function walkAll(caller: Caller, input: ListInput, between?: (page: number) => Promise<void>) {
  const ids: bigint[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const result = await caller.calls.list({ ...input, cursor });
    ids.push(...result.items.map((item) => item.id));
    await between?.(page);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return ids;
}

describe.each(databaseKinds)("call log on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let caller: Caller;
  let campaignId: bigint;
  let agentId: bigint;
  let tagId: bigint;
  const created: { id: bigint; startTime: Date | null; durationSec: number | null; status: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    caller = callerFor(database.db, f.sunriseManager);
    campaignId = (await database.db.campaign.create({ data: { organizationId: f.sunrise.id, name: "Fall recall" } })).id;
    agentId = (await database.db.agent.create({ data: { organizationId: f.sunrise.id, name: "Ava" } })).id;
    tagId = (await database.db.tag.create({ data: { organizationId: f.sunrise.id, name: "Follow up", nameKey: "follow up" } })).id;
    const statuses = ["completed", "no_answer", "voicemail", "completed", "busy"];
    // 37 calls, some sharing a start time (ties broken by id), durations with repeats, and two without a start.
    for (let index = 0; index < 37; index++) {
      const startTime = index >= 35 ? null : minutes(Math.floor(index / 2) * 10);
      const call = await createCall(database.db, f.sunrise.id, {
        startTime,
        durationSec: index % 7 === 0 ? null : (index % 5) * 30,
        status: statuses[index % statuses.length],
        direction: index % 4 === 0 ? "inbound" : "outbound",
        campaignId: index % 3 === 0 ? campaignId : undefined,
        agentId: index % 2 === 0 ? agentId : undefined,
        customerNumber: `+1614555${String(1000 + index)}`,
        outcome: index % 6 === 0 ? "booked" : null,
        reviewed: index % 5 === 0,
      });
      created.push({ id: call.id, startTime, durationSec: call.durationSec, status: call.status });
      if (index % 4 === 1) await database.db.callTag.create({ data: { callId: call.id, tagId } });
      if (index % 6 === 0) await database.db.booking.create({ data: { organizationId: f.sunrise.id, callId: call.id } });
    }
    // Another organization's calls never appear.
    await createCall(database.db, f.bayview.id, { startTime: minutes(5) });
  });

  it("walks every sort order page by page without duplicates or gaps", async () => {
    for (const sort of ["time_desc", "time_asc", "duration_desc", "duration_asc"] as const) {
      const ids = await walkAll(caller, { sort, limit: 4 });
      expect(new Set(ids).size, sort).toBe(ids.length);
      expect([...ids].sort(), sort).toEqual(created.map((call) => call.id).sort());
    }
    const newest = await caller.calls.list({ limit: 3 });
    expect(newest.items.map((item) => item.startTime)).toEqual([minutes(170), minutes(160), minutes(160)]);
    expect(newest.items[1]!.id > newest.items[2]!.id).toBe(true);
  });

  it("keeps its pages stable while newer calls arrive between page fetches", async () => {
    const before = new Set(created.map((call) => call.id));
    const arrived: bigint[] = [];
    const ids = await walkAll(caller, { limit: 5 }, async () => {
      arrived.push((await createCall(database.db, f.sunrise.id, { startTime: new Date() })).id);
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.has(id)).sort()).toEqual([...before].sort());
    // The first page was read before any of them arrived; later pages go back in time, so none shows up.
    expect(ids.some((id) => arrived.includes(id))).toBe(false);
    await database.db.call.deleteMany({ where: { id: { in: arrived } } });
  });

  it("filters by every filter, also when paging", async () => {
    const count = async (filters: Record<string, string>) => (await walkAll(caller, { filters, limit: 7 })).length;
    expect(await count({ status: "completed" })).toBe(created.filter((call) => call.status === "completed").length);
    expect(await count({ direction: "inbound" })).toBe(10);
    expect(await count({ campaignId: String(campaignId) })).toBe(13);
    expect(await count({ agentId: String(agentId) })).toBe(19);
    expect(await count({ customerNumber: "555 1010" })).toBe(1);
    expect(await count({ minDuration: "60", maxDuration: "90" })).toBe(created.filter((call) => call.durationSec !== null && call.durationSec >= 60 && call.durationSec <= 90).length);
    expect(await count({ outcome: "booked" })).toBe(7);
    expect(await count({ reviewed: "yes" })).toBe(8);
    expect(await count({ reviewed: "no" })).toBe(29);
    expect(await count({ tagId: String(tagId) })).toBe(9);
    expect(await count({ hasBooking: "yes" })).toBe(7);
    expect(await count({ hasBooking: "no" })).toBe(30);
    // Days are the organization's (America/New_York): 14:00Z is 10:00 local on Oct 1, the last start 16:50Z.
    expect(await count({ from: "2026-10-01", to: "2026-10-01" })).toBe(35);
    expect(await count({ from: "2026-10-02" })).toBe(0);
  });

  it("counts calls per status for the current filters in one answer", async () => {
    const counts = await caller.calls.statusCounts({ filters: { direction: "inbound", status: "busy" } });
    const inbound = created.filter((_, index) => index % 4 === 0);
    expect(counts.total).toBe(inbound.length);
    expect(counts.byStatus.completed).toBe(inbound.filter((call) => call.status === "completed").length);
  });

  it("says which filter is wrong", async () => {
    const error = await errorOf(caller.calls.list({ filters: { minDuration: "90", maxDuration: "30" } }));
    expect(error.code).toBe("BAD_REQUEST");
    const bad = await errorOf(caller.calls.list({ filters: { from: "yesterday" } }));
    expect(bad.code).toBe("BAD_REQUEST");
    const cursor = await errorOf(caller.calls.list({ cursor: "not-a-cursor" }));
    expect(cursor.code).toBe("BAD_REQUEST");
  });

  it("finds the previous and next call of a list in its order", async () => {
    const ids = await walkAll(caller, { limit: 50, filters: { direction: "outbound" } });
    const middle = ids[5]!;
    const neighbors = await caller.calls.neighbors({ id: middle, filters: { direction: "outbound" } });
    expect(neighbors).toEqual({ previousId: ids[4], nextId: ids[6] });
    const first = await caller.calls.neighbors({ id: ids[0]!, filters: { direction: "outbound" } });
    expect(first.previousId).toBeNull();
    const last = await caller.calls.neighbors({ id: ids.at(-1)!, filters: { direction: "outbound" } });
    expect(last.nextId).toBeNull();
  });

  it("returns one call with its transcript in order, and NOT_FOUND for another organization's call", async () => {
    const call = await createCall(database.db, f.sunrise.id, {
      turns: [
        { role: "Assistant", content: "Hello, this is Sunrise Motors", atSec: 1 },
        { role: "Tool", content: '{"slot":"09:00"}', atSec: 20 },
        { role: "User", content: "Hi there", atSec: 5 },
      ],
    });
    const detail = await caller.calls.byId({ id: call.id });
    expect(detail.transcripts.map((turn) => turn.content)).toEqual(["Hello, this is Sunrise Motors", "Hi there", '{"slot":"09:00"}']);
    const foreign = await errorOf(callerFor(database.db, f.bayviewAdmin).calls.byId({ id: call.id }));
    expect(foreign.code).toBe("NOT_FOUND");
    const foreignTags = await errorOf(callerFor(database.db, f.bayviewAdmin).calls.neighbors({ id: call.id }));
    expect(foreignTags.code).toBe("NOT_FOUND");
  });
});
