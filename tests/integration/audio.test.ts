import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/server/auth/session-user";
import type { SessionUser } from "@/server/auth/session-user";
import { parseRange, serveCallAudio } from "@/server/services/audio-storage";
import { createCall } from "../helpers/calls";
import { createFixtures } from "../helpers/fixtures";
import type { Fixtures, FixtureUser } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "autopulse-audio-"));
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 251));
fs.mkdirSync(path.join(root, "org"), { recursive: true });
fs.writeFileSync(path.join(root, "org", "call.wav"), bytes);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function body(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe("parseRange", () => {
  it("reads single byte ranges and refuses ones outside the file", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=990-2000", 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=50-10", 1000)).toBe("unsatisfiable");
    expect(parseRange("items=0-1", 1000)).toBeNull();
  });
});

describe.each(databaseKinds)("call audio on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let callId: string;
  let noFileCallId: string;
  const user = async (fixture: FixtureUser) => (await loadSessionUser(database.db, { userId: String(fixture.id), sessionVersion: fixture.sessionVersion })) as SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    callId = String((await createCall(database.db, f.sunrise.id, { audioPath: "org/call.wav" })).id);
    noFileCallId = String((await createCall(database.db, f.sunrise.id, { audioPath: "org/missing.wav" })).id);
  });

  it("serves the whole file with its type and Accept-Ranges", async () => {
    const response = await serveCallAudio(database.db, await user(f.sunriseManager), callId, null, root);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-length")).toBe("1000");
    expect((await body(response)).equals(bytes)).toBe(true);
  });

  it("answers a Range request with 206 and exactly those bytes", async () => {
    const response = await serveCallAudio(database.db, await user(f.sunriseManager), callId, "bytes=100-199", root);
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(response.headers.get("content-length")).toBe("100");
    expect((await body(response)).equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await serveCallAudio(database.db, await user(f.sunriseManager), callId, "bytes=-10", root);
    expect((await body(tail)).equals(bytes.subarray(990))).toBe(true);
  });

  it("answers 416 for a range outside the file", async () => {
    const response = await serveCallAudio(database.db, await user(f.sunriseManager), callId, "bytes=5000-", root);
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */1000");
  });

  it("needs a session, and answers 404 to another organization and for missing files", async () => {
    expect((await serveCallAudio(database.db, null, callId, null, root)).status).toBe(401);
    expect((await serveCallAudio(database.db, await user(f.bayviewAdmin), callId, null, root)).status).toBe(404);
    expect((await serveCallAudio(database.db, await user(f.superAdmin), callId, null, root)).status).toBe(404);
    expect((await serveCallAudio(database.db, await user(f.sunriseManager), noFileCallId, null, root)).status).toBe(404);
    expect((await serveCallAudio(database.db, await user(f.sunriseManager), "999999", null, root)).status).toBe(404);
    expect((await serveCallAudio(database.db, await user(f.sunriseManager), "abc", null, root)).status).toBe(404);
  });

  it("never serves a file outside the storage folder", async () => {
    const escape = String((await createCall(database.db, f.sunrise.id, { audioPath: "../../etc/passwd" })).id);
    expect((await serveCallAudio(database.db, await user(f.sunriseManager), escape, null, root)).status).toBe(404);
  });

  it("writes one view row per listen for a compliant organization, not one per chunk", async () => {
    const views = () => database.db.auditLog.count({ where: { entity: "call", entityId: callId, action: "view" } });
    const before = await views();
    await database.db.organization.update({ where: { id: f.sunrise.id }, data: { pciCompliant: true } });
    try {
      const manager = await user(f.sunriseManager);
      await body(await serveCallAudio(database.db, manager, callId, "bytes=0-", root));
      await body(await serveCallAudio(database.db, manager, callId, "bytes=500-", root));
      await body(await serveCallAudio(database.db, manager, callId, "bytes=800-899", root));
      expect(await views()).toBe(before + 1);
      const row = await database.db.auditLog.findFirst({ where: { entity: "call", entityId: callId, action: "view" }, orderBy: { id: "desc" } });
      expect(row).toMatchObject({ organizationId: f.sunrise.id, userId: f.sunriseManager.id, newValue: { viewed: "audio" } });
      // A refused request writes nothing.
      await serveCallAudio(database.db, await user(f.bayviewAdmin), callId, null, root);
      expect(await views()).toBe(before + 1);
    } finally {
      await database.db.organization.update({ where: { id: f.sunrise.id }, data: { pciCompliant: false } });
    }
  });
});
