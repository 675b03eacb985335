import { beforeAll, describe, expect, it } from "vitest";
import { highlightStart, highlightStop, searchTranscripts } from "@/server/services/call-search";
import { createCall } from "../helpers/calls";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";

const day = (offset: number) => new Date(Date.UTC(2026, 9, 1 + offset, 15));

describe.each(databaseKinds)("transcript search on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let caller: ReturnType<typeof callerFor>;
  const calls: Record<string, bigint> = {};

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    caller = callerFor(database.db, f.sunriseManager);
    const make = async (name: string, offset: number, turns: string[], extra: { status?: string } = {}) => {
      calls[name] = (await createCall(database.db, f.sunrise.id, { startTime: day(offset), ...extra, turns: turns.map((content, index) => ({ content, atSec: 2 + index * 10 })) })).id;
    };
    await make("oilChange", 1, ["I need an oil change for my Civic", "Sure, the oil change takes 30 minutes"]);
    await make("oilOnly", 2, ["There is oil on the driveway and the change light is on"]);
    await make("tires", 3, ["Can you do an oil change and rotate the tires?"]);
    await make("brakes", 4, ["My brakes squeak when I stop", "brakes brakes brakes, we will check the brakes"], { status: "voicemail" });
    await make("brakesOnce", 5, ["Also a quick look at the brakes please, and the wipers and the lights and the horn"]);
    await createCall(database.db, f.bayview.id, { startTime: day(1), turns: [{ content: "oil change at Bayview", atSec: 2 }] });
  });

  it("finds a phrase only where its words stand together, and excludes words with -", async () => {
    const phrase = await caller.calls.search({ query: '"oil change"' });
    expect(phrase.calls.map((hit) => hit.callId).sort()).toEqual([calls.oilChange, calls.tires].sort());
    const excluded = await caller.calls.search({ query: '"oil change" -tires' });
    expect(excluded.calls.map((hit) => hit.callId)).toEqual([calls.oilChange]);
    const words = await caller.calls.search({ query: "oil change" });
    expect(words.calls.map((hit) => hit.callId)).toContain(calls.oilOnly);
  });

  it("groups hits per call, ranks a selective term, and marks matches in snippets", async () => {
    const result = await caller.calls.search({ query: "brakes" });
    expect(result.order).toBe("rank");
    expect(result.calls.map((hit) => hit.callId)).toEqual([calls.brakes, calls.brakesOnce]);
    const top = result.calls[0]!;
    expect(top.hitCount).toBe(2);
    expect(top.hits).toHaveLength(2);
    expect(top.call.status).toBe("voicemail");
    expect(top.hits[0]!.snippet).toContain(`${highlightStart}brakes${highlightStop}`);
    // Stemming: "squeaking" finds "squeak".
    expect((await caller.calls.search({ query: "squeaking" })).calls.map((hit) => hit.callId)).toEqual([calls.brakes]);
  });

  it("combines with the call-log filters and never shows another organization's turns", async () => {
    const onlyVoicemail = await caller.calls.search({ query: "brakes", filters: { status: "completed" } });
    expect(onlyVoicemail.calls.map((hit) => hit.callId)).toEqual([calls.brakesOnce]);
    const bayview = await callerFor(database.db, f.bayviewAdmin).calls.search({ query: "oil change" });
    expect(bayview.calls).toHaveLength(1);
    expect(Object.values(calls)).not.toContain(bayview.calls[0]!.callId);
  });

  it("lists newest first when the term is common, and pages through all calls", async () => {
    const result = await searchTranscripts(database.db, { organizationId: f.sunrise.id, query: "oil", filters: {}, timeZone: "UTC", limit: 1, offset: 0, threshold: 2 });
    expect(result.order).toBe("recent");
    expect(result.calls.map((hit) => hit.callId)).toEqual([calls.tires]);
    const seen = [...result.calls.map((hit) => hit.callId)];
    let cursor = result.nextCursor;
    while (cursor !== null) {
      const page = await searchTranscripts(database.db, { organizationId: f.sunrise.id, query: "oil", filters: {}, timeZone: "UTC", limit: 1, offset: cursor, threshold: 2 });
      seen.push(...page.calls.map((hit) => hit.callId));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([calls.tires, calls.oilOnly, calls.oilChange]);
  });

  it("rejects a too-short query with the field named", async () => {
    const error = await errorOf(caller.calls.search({ query: "a" }));
    expect(error.code).toBe("BAD_REQUEST");
    const empty = await caller.calls.search({ query: "the and" });
    expect(empty.calls).toEqual([]);
  });

  it.runIf(kind === "postgresql")("searches on connections without JIT (its 30 ms compile would outlast a 4 ms rare-phrase search)", async () => {
    const [setting] = await database.db.$queryRaw<{ jit: string }[]>`SHOW jit`;
    expect(setting?.jit).toBe("off");
  });
});
