import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, SignInThrottled } from "@/server/auth/sign-in";
import { maxFailuresPerEmail, maxFailuresPerIp, throttleWindowMs } from "@/server/auth/throttle";
import { clientIp, trustedProxyHops } from "@/server/security/client-ip";
import { throttledMessage } from "@/lib/validation/auth";
import type { Database } from "@/server/db";
import { createFixtures, fixturePassword } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

const wrongPassword = "definitely not the password";
const minute = 60_000;
let counter = 0;
const uniqueIp = () => `10.9.${Math.floor(++counter / 250)}.${counter % 250}`;

/** The outcome of one attempt: the user, null (refused), or the throttle's wait in minutes. */
async function attempt(db: Database, email: string, password: string, ip: string | null, now: number): Promise<"ok" | "refused" | number> {
  try {
    return (await authenticate(db, email, password, { ip, now: new Date(now) })) ? "ok" : "refused";
  } catch (error) {
    if (error instanceof SignInThrottled) return error.retryAfterMinutes;
    throw error;
  }
}

async function failTimes(db: Database, times: number, email: (i: number) => string, ip: string | null, now: number) {
  for (let i = 0; i < times; i += 1) expect(await attempt(db, email(i), wrongPassword, ip, now)).toBe("refused");
}

describe.each(databaseKinds)("sign-in throttling on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("refuses the 11th attempt for an email within 15 minutes, even with the right password, and lets it in after", async () => {
    const start = Date.now();
    const ip = uniqueIp();
    await failTimes(database.db, maxFailuresPerEmail, () => f.sunriseAdmin.email, ip, start);
    expect(await attempt(database.db, f.sunriseAdmin.email, fixturePassword, ip, start + 2 * minute)).toBe(13);
    // Other addresses do not help: the limit is on the email.
    expect(await attempt(database.db, f.sunriseAdmin.email, fixturePassword, uniqueIp(), start + 10 * minute)).toBe(5);
    expect(await attempt(database.db, f.sunriseAdmin.email, fixturePassword, ip, start + throttleWindowMs + 1000)).toBe("ok");
  });

  it("counts the failures of the last 15 minutes: the wait ends when the oldest that matter leave the window", async () => {
    const start = Date.now();
    const email = "rolling@nowhere.test";
    await failTimes(database.db, 5, () => email, null, start);
    await failTimes(database.db, 5, () => email, null, start + 6 * minute);
    expect(await attempt(database.db, email, wrongPassword, null, start + 7 * minute)).toBe(8);
    // Refused attempts do not count, so hammering does not push the end further out.
    for (let i = 0; i < 5; i += 1) expect(await attempt(database.db, email, wrongPassword, null, start + 8 * minute)).toBe(7);
    // The first five have left the window: five more tries, then the wait runs until the later five leave it.
    await failTimes(database.db, 5, () => email, null, start + 15 * minute + 1000);
    expect(await attempt(database.db, email, wrongPassword, null, start + 15 * minute + 2000)).toBe(6);
  });

  it("says the same for an email that does not exist as for one that does, and audits both as throttled", async () => {
    const start = Date.now();
    const ghost = "nobody-here@nowhere.test";
    await failTimes(database.db, maxFailuresPerEmail, () => ghost, null, start);
    await failTimes(database.db, maxFailuresPerEmail, () => f.bayviewManager.email, null, start);
    const before = (await database.db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;

    const errors = await Promise.all(
      [ghost, f.bayviewManager.email].map((email) => authenticate(database.db, email, fixturePassword, { now: new Date(start) }).catch((error: unknown) => error)),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(SignInThrottled);
      expect((error as SignInThrottled).message).toBe(throttledMessage(15));
    }
    expect(throttledMessage(15)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    const rows = await database.db.auditLog.findMany({ where: { id: { gt: before } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.action, row.organizationId, row.newValue])).toEqual([
      ["login_fail", null, { email: ghost, reason: "throttled" }],
      ["login_fail", f.bayview.id, { email: f.bayviewManager.email, reason: "throttled" }],
    ]);
    expect(JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toContain(fixturePassword);
  });

  it("refuses an address after 30 failures across any emails, and only that address", async () => {
    const start = Date.now();
    const ip = uniqueIp();
    await failTimes(database.db, maxFailuresPerIp, (i) => `spray-${i}@nowhere.test`, ip, start);
    expect(await attempt(database.db, f.bayviewAdmin.email, fixturePassword, ip, start + minute)).toBe(14);
    expect(await attempt(database.db, f.bayviewAdmin.email, fixturePassword, uniqueIp(), start + minute)).toBe("ok");
  });

  it("does not count successful sign-ins, and prunes attempts older than the window", async () => {
    const start = Date.now();
    for (let i = 0; i < maxFailuresPerEmail + 5; i += 1) expect(await attempt(database.db, f.superAdmin.email, fixturePassword, null, start)).toBe("ok");
    const later = start + throttleWindowMs + 5 * minute;
    await attempt(database.db, "prune-trigger@nowhere.test", wrongPassword, null, later);
    const stale = await database.db.signInAttempt.count({ where: { createdAt: { lt: new Date(later - throttleWindowMs) } } });
    expect(stale).toBe(0);
  });

  it("lets at most 10 of 25 simultaneous guesses for one email reach the password check", async () => {
    const email = `burst-${kind}@nowhere.test`;
    const now = Date.now();
    const outcomes = await Promise.all(Array.from({ length: 25 }, () => attempt(database.db, email, wrongPassword, null, now)));
    const checked = outcomes.filter((outcome) => outcome === "refused").length;
    // Each attempt counts the others in flight as failures, so a burst may even be refused whole.
    expect(checked).toBeLessThanOrEqual(maxFailuresPerEmail);
    expect(outcomes.every((outcome) => outcome === "refused" || typeof outcome === "number")).toBe(true);
    const audited = await database.db.auditLog.count({ where: { action: "login_fail", newValue: { path: ["email"], equals: email } } });
    expect(audited).toBe(25);
  });
});

describe("the client address", () => {
  const headers = (forwardedFor?: string) => new Headers(forwardedFor ? { "x-forwarded-for": forwardedFor } : {});

  it("is the rightmost x-forwarded-for entry without TRUST_PROXY (Next.js fills it with the socket address)", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(clientIp(headers("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(headers("1.1.1.1, 203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(headers(), 0)).toBeNull();
  });

  it("skips what the client wrote in front of the trusted proxies' entries", () => {
    expect(trustedProxyHops({ TRUST_PROXY: "true" })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: "2" })).toBe(2);
    expect(trustedProxyHops({ TRUST_PROXY: "false" })).toBe(0);
    // The client forged "6.6.6.6"; the one proxy in front appended the address it saw.
    expect(clientIp(headers("6.6.6.6, 198.51.100.4"), 1)).toBe("198.51.100.4");
    // Two proxies: the CDN saw 198.51.100.4, the load balancer saw the CDN.
    expect(clientIp(headers("6.6.6.6, 198.51.100.4, 10.0.0.2"), 2)).toBe("198.51.100.4");
    expect(clientIp(headers("not an address"), 1)).toBeNull();
  });
});
