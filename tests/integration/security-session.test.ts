import { encode, decode } from "next-auth/jwt";
import { NextRequest, NextResponse } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/server/auth/session-user";
import type { SessionClaims } from "@/server/auth/session-user";
import { lastSeenRefreshMs, sessionAbsoluteMs, sessionExpiry, sessionIdleMs, touchSession } from "@/server/auth/session-lifetime";
import { applySessionCookie, checkSessionCookie, plainSessionCookie, secureSessionCookie, useSecureCookies } from "@/server/security/session-cookie";
import { isCrossOriginRequest, refuseCrossOrigin } from "@/server/security/same-origin";
import { pageContentSecurityPolicy } from "@/server/security/csp";
import { callerFor, createFixtures, fixturePassword } from "../helpers/fixtures";
import type { Fixtures, FixtureUser } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const signedInAt = Date.UTC(2026, 10, 2, 8, 0, 0);

function claimsOf(user: FixtureUser, times: { signedInAt: number; lastSeenAt: number }, sessionVersion = user.sessionVersion): SessionClaims {
  return { userId: String(user.id), sessionVersion, actingOrganizationId: null, ...times };
}

describe("session lifetime (a fake clock)", () => {
  it("ends after 12 hours without a request", () => {
    const times = { signedInAt, lastSeenAt: signedInAt + 3 * hour };
    expect(sessionExpiry(times, signedInAt + 15 * hour - 1)).toBeNull();
    expect(sessionExpiry(times, signedInAt + 15 * hour)).toBe("idle");
  });

  it("ends 7 days after sign-in however active the user is", () => {
    expect(sessionIdleMs).toBe(12 * hour);
    expect(sessionAbsoluteMs).toBe(7 * day);
    expect(sessionExpiry({ signedInAt, lastSeenAt: signedInAt + 7 * day - 1000 }, signedInAt + 7 * day - 1)).toBeNull();
    expect(sessionExpiry({ signedInAt, lastSeenAt: signedInAt + 7 * day - 1000 }, signedInAt + 7 * day)).toBe("absolute");
  });

  it("treats a token without the times (issued before they existed, or forged) as ended", () => {
    expect(sessionExpiry({}, signedInAt)).toBe("absolute");
    expect(sessionExpiry({ signedInAt }, signedInAt)).toBe("absolute");
    expect(sessionExpiry({ signedInAt: signedInAt + day, lastSeenAt: signedInAt + day }, signedInAt)).toBe("absolute");
  });

  it("moves lastSeenAt with activity, at most every 5 minutes", () => {
    const times = { signedInAt, lastSeenAt: signedInAt };
    expect(touchSession(times, signedInAt + lastSeenRefreshMs - 1)?.lastSeenAt).toBe(signedInAt);
    expect(touchSession(times, signedInAt + lastSeenRefreshMs)?.lastSeenAt).toBe(signedInAt + lastSeenRefreshMs);
    expect(touchSession(times, signedInAt + 13 * hour)).toBeNull();
  });

  it("keeps a user who comes back every 11 hours signed in until day 7, then not", () => {
    let times: { signedInAt: number; lastSeenAt: number } | null = { signedInAt, lastSeenAt: signedInAt };
    let now = signedInAt;
    while (times && now + 11 * hour < signedInAt + 7 * day) {
      now += 11 * hour;
      times = touchSession(times, now);
      expect(times).not.toBeNull();
    }
    expect(touchSession(times!, signedInAt + 7 * day)).toBeNull();
  });
});

describe.each(databaseKinds)("the per-request session check on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("refuses a session idle for 12 hours or 7 days old, with the user otherwise in good standing", async () => {
    const claims = claimsOf(f.sunriseManager, { signedInAt, lastSeenAt: signedInAt + day });
    expect(await loadSessionUser(database.db, claims, signedInAt + day + 11 * hour)).toMatchObject({ id: f.sunriseManager.id });
    expect(await loadSessionUser(database.db, claims, signedInAt + day + 12 * hour)).toBeNull();
    const active = claimsOf(f.sunriseManager, { signedInAt, lastSeenAt: signedInAt + 7 * day - hour });
    expect(await loadSessionUser(database.db, active, signedInAt + 7 * day - 1)).not.toBeNull();
    expect(await loadSessionUser(database.db, active, signedInAt + 7 * day)).toBeNull();
  });

  it("ends the user's other sessions at their next request after a password change, an Admin reset, deactivation and suspension", async () => {
    const now = Date.now();
    const fresh = { signedInAt: now, lastSeenAt: now };
    const asAdmin = callerFor(database.db, f.sunriseAdmin);
    const { user } = await asAdmin.user.create({ name: "Session Test", email: `sessions-${kind}@sunrise.test`, role: "Manager", passwordMode: "password", password: fixturePassword });
    const person: FixtureUser = { id: user.id, email: user.email, role: "Manager", organizationId: f.sunrise.id, sessionVersion: 0 };
    const other = claimsOf(person, fresh, 0);
    expect(await loadSessionUser(database.db, other)).not.toBeNull();

    await callerFor(database.db, person).user.changePassword({ currentPassword: fixturePassword, newPassword: "a new sessions password", confirmPassword: "a new sessions password" });
    expect(await loadSessionUser(database.db, other)).toBeNull();
    expect(await loadSessionUser(database.db, claimsOf(person, fresh, 1))).not.toBeNull();

    await asAdmin.user.setPassword({ id: user.id, password: "an admin's sessions password" });
    expect(await loadSessionUser(database.db, claimsOf(person, fresh, 1))).toBeNull();

    await asAdmin.user.setActive({ id: user.id, isActive: false });
    expect(await loadSessionUser(database.db, claimsOf(person, fresh, 2))).toBeNull();
    await asAdmin.user.setActive({ id: user.id, isActive: true });
    expect(await loadSessionUser(database.db, claimsOf(person, fresh, 3))).not.toBeNull();

    await database.db.organization.update({ where: { id: f.sunrise.id }, data: { isActive: false } });
    expect(await loadSessionUser(database.db, claimsOf(person, fresh, 3))).toBeNull();
    await database.db.organization.update({ where: { id: f.sunrise.id }, data: { isActive: true } });
  });
});

describe("the session cookie", () => {
  const secret = "a-test-secret-that-is-long-enough-0123456789";

  async function requestWith(cookieName: string, token: Record<string, unknown>) {
    const value = await encode({ token, secret, salt: cookieName, maxAge: 7 * 24 * 3600 });
    return new NextRequest("https://app.example.com/dashboard", { headers: { cookie: `${cookieName}=${value}` } });
  }

  it("is Secure with the __Secure- prefix behind an https AUTH_URL or the flag, and plain on http", () => {
    expect(useSecureCookies({ AUTH_URL: "https://autopulse.example.com" })).toBe(true);
    expect(useSecureCookies({ AUTH_URL: "http://localhost:3100" })).toBe(false);
    expect(useSecureCookies({ AUTH_SECURE_COOKIES: "1", AUTH_URL: "http://localhost:3100" })).toBe(true);
    expect(useSecureCookies({ AUTH_SECURE_COOKIES: "0" })).toBe(false);
    // Neither: Auth.js decides per request from the protocol (https → Secure).
    expect(useSecureCookies({})).toBeUndefined();
  });

  it("is renewed HttpOnly, SameSite=Lax and Secure when activity moves lastSeenAt, expiring when the session would", async () => {
    const now = Date.now();
    const request = await requestWith(secureSessionCookie, { userId: "7", sessionVersion: 0, signedInAt: now - 6 * day - 20 * hour, lastSeenAt: now - hour });
    const check = await checkSessionCookie(request, secret, now);
    expect(check.state).toBe("active");
    const response = NextResponse.next();
    applySessionCookie(response, check);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^__Secure-authjs\.session-token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Secure/);
    // 4 hours left of the 7 days: the cookie goes then, not 12 hours from now.
    const expires = Date.parse(/Expires=([^;]+)/i.exec(setCookie)![1]!);
    expect(Math.abs(expires - (now + 4 * hour))).toBeLessThan(2000);
    const renewed = await decode({ token: response.cookies.get(secureSessionCookie)!.value, secret, salt: secureSessionCookie });
    expect(renewed).toMatchObject({ userId: "7", lastSeenAt: now });
  });

  it("is cleared when the session ran out, and left alone when nothing changed", async () => {
    const now = Date.now();
    const idle = await checkSessionCookie(await requestWith(plainSessionCookie, { userId: "7", signedInAt: now - day, lastSeenAt: now - 13 * hour }), secret, now);
    expect(idle).toEqual({ state: "ended", cookieName: plainSessionCookie });
    const response = NextResponse.next();
    applySessionCookie(response, idle);
    expect(response.headers.get("set-cookie")).toMatch(/^authjs\.session-token=;.*Max-Age=0/i);
    const recent = await checkSessionCookie(await requestWith(plainSessionCookie, { userId: "7", signedInAt: now - hour, lastSeenAt: now - 60_000 }), secret, now);
    expect(recent).toEqual({ state: "active" });
    const forged = await checkSessionCookie(await requestWith(plainSessionCookie, { userId: "7", signedInAt: now, lastSeenAt: now }), "another-secret-0123456789-0123456789", now);
    expect(forged.state).toBe("ended");
    expect(await checkSessionCookie(new NextRequest("http://localhost:3100/"), secret, now)).toEqual({ state: "none" });
  });
});

describe("cross-origin state changes", () => {
  const post = (headers: Record<string, string>, method = "POST") =>
    new Request("http://localhost:3100/api/trpc/user.changePassword", { method, headers: { host: "localhost:3100", ...headers } });

  it("are refused with 403 when the browser says another site sent them", async () => {
    expect(isCrossOriginRequest(post({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginRequest(post({ "sec-fetch-site": "same-site", origin: "http://localhost:3101" }))).toBe(true);
    const refused = refuseCrossOrigin(post({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }));
    expect(refused?.status).toBe(403);
    expect(await refused?.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("are refused by Origin for browsers without Sec-Fetch-Site, behind a proxy too", () => {
    expect(isCrossOriginRequest(post({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginRequest(post({ origin: "null" }))).toBe(true);
    expect(isCrossOriginRequest(post({ origin: "http://localhost:3100" }))).toBe(false);
    expect(isCrossOriginRequest(post({ origin: "https://autopulse.example.com", "x-forwarded-host": "autopulse.example.com" }))).toBe(false);
  });

  it("pass from the app's own pages, for reads, and for clients that are not browsers", () => {
    expect(refuseCrossOrigin(post({ "sec-fetch-site": "same-origin", origin: "http://localhost:3100" }))).toBeNull();
    expect(refuseCrossOrigin(post({ "sec-fetch-site": "cross-site" }, "GET"))).toBeNull();
    expect(refuseCrossOrigin(post({}))).toBeNull();
  });
});

describe("the page Content-Security-Policy", () => {
  it("runs only scripts carrying the request's nonce, and nothing from plugins, other bases or frames", () => {
    const policy = pageContentSecurityPolicy("abc123", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(policy).toContain(directive);
    expect(pageContentSecurityPolicy("abc123", true)).toContain("'unsafe-eval'");
  });
});
