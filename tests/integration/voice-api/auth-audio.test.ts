import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAudioUpload, handleCallReport, handleClaim, handleInboundCall } from "@/server/api-v1/handlers";
import { openApiDocument } from "@/server/api-v1/openapi";
import { loadSessionUser } from "@/server/auth/session-user";
import type { SessionUser } from "@/server/auth/session-user";
import { serveCallAudio } from "@/server/services/audio-storage";
import { createFixtures } from "../../helpers/fixtures";
import type { Fixtures } from "../../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { toneWav } from "@/scripts/wav";
import { apiRequest, createApiKey, createCampaign, createOrganization, mondayMorning } from "./voice-api-data";
import type { ClaimJson } from "./voice-api-data";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "autopulse-voice-audio-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A tenth of a second of tone. */
const wavFile = (seconds = 0.1) => Buffer.from(toneWav(seconds));

function upload(key: string, callId: string, body: BodyInit | null, contentType = "audio/wav", headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost/api/v1/calls/${callId}/audio`, {
    method: "PUT",
    headers: { authorization: `Bearer ${key}`, "content-type": contentType, ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

describe("the OpenAPI document", () => {
  it("describes every /api/v1 operation with schemas generated from the zod schemas", () => {
    const document = openApiDocument("http://localhost:3000");
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(["/api/v1/calls", "/api/v1/calls/{id}", "/api/v1/calls/{id}/audio", "/api/v1/dial-queue/claim"]);
    const report = document.components.schemas.CallReport as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(report.properties)).toEqual(expect.arrayContaining(["status", "duration_sec", "transcript", "booking", "outcome"]));
    expect(report.required).toEqual(["status"]);
    expect(JSON.stringify(document)).not.toContain("$schema");
  });
});

describe.each(databaseKinds)("voice engine authentication and audio on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  const claim = (key: string | null, headers: Record<string, string> = {}) =>
    handleClaim(database.db, apiRequest("POST", "/api/v1/dial-queue/claim", key, { limit: 1 }, headers), { now: mondayMorning });

  it("answers 401 without a key, with a wrong key and with a revoked key, and 403 for a suspended organization", async () => {
    const missing = await claim(null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await claim("ap_live_not-a-real-key")).status).toBe(401);
    expect((await claim(null, { authorization: "Basic dXNlcjpwYXNz" })).status).toBe(401);

    const revoked = await createApiKey(database.db, f.sunrise.id);
    await database.db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect((await claim(revoked.key)).status).toBe(401);

    const suspended = await createOrganization(database.db, { isActive: false });
    const forbidden = await claim(suspended.key);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const inbound = await handleInboundCall(database.db, apiRequest("POST", "/api/v1/calls", suspended.key, { external_id: "x", status: "completed" }));
    expect(inbound.status).toBe(403);
  });

  it("keeps last_used_at of the key", async () => {
    const organization = await createOrganization(database.db);
    expect((await database.db.apiKey.findUniqueOrThrow({ where: { id: organization.keyId } })).lastUsedAt).toBeNull();
    expect((await claim(organization.key)).status).toBe(200);
    expect((await database.db.apiKey.findUniqueOrThrow({ where: { id: organization.keyId } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("stores an uploaded recording that the call page then serves, and refuses other organizations, types and sizes", async () => {
    const organization = await createOrganization(database.db);
    await createCampaign(database.db, organization.id);
    const { calls } = (await (await claim(organization.key)).json()) as ClaimJson;
    const callId = calls[0]!.call_id;
    await handleCallReport(database.db, apiRequest("PUT", `/api/v1/calls/${callId}`, organization.key, { status: "completed", duration_sec: 30 }), callId);

    const wav = wavFile();
    const response = await handleAudioUpload(database.db, upload(organization.key, callId, new Uint8Array(wav)), callId, { root });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ call_id: callId, format: "wav", size_bytes: wav.length });
    expect(fs.readFileSync(path.join(root, organization.id, `${callId}.wav`)).equals(wav)).toBe(true);
    const audio = await database.db.audioFile.findUniqueOrThrow({ where: { callId: BigInt(callId) } });
    expect(audio).toMatchObject({ organizationId: organization.id, fileFormat: "wav", fileSizeBytes: BigInt(wav.length), durationSec: 30 });

    // The signed-in side: a user of the organization hears exactly these bytes.
    const manager = await database.db.user.create({ data: { organizationId: organization.id, email: `manager-${organization.id}@example.test`, name: "Manager", passwordHash: "x", role: "Manager" } });
    const user = (await loadSessionUser(database.db, { userId: String(manager.id), sessionVersion: 0 })) as SessionUser;
    const served = await serveCallAudio(database.db, user, callId, null, root);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(wav)).toBe(true);

    // Streamed bodies work too; the same upload again replaces the file, no second row.
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(wav.subarray(0, 10)));
        controller.enqueue(new Uint8Array(wav.subarray(10)));
        controller.close();
      },
    });
    expect((await handleAudioUpload(database.db, upload(organization.key, callId, streamed), callId, { root })).status).toBe(200);
    expect(await database.db.audioFile.count({ where: { callId: BigInt(callId) } })).toBe(1);

    const stranger = await createOrganization(database.db);
    expect((await handleAudioUpload(database.db, upload(stranger.key, callId, new Uint8Array(wav)), callId, { root })).status).toBe(404);
    expect((await handleAudioUpload(database.db, upload(organization.key, callId, new Uint8Array(wav), "text/plain"), callId, { root })).status).toBe(415);
    const notWav = await handleAudioUpload(database.db, upload(organization.key, callId, new TextEncoder().encode("definitely not a wave file")), callId, { root });
    expect(notWav.status).toBe(400);
    expect(((await notWav.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("body");
    const declaredTooLarge = await handleAudioUpload(database.db, upload(organization.key, callId, new Uint8Array(wav), "audio/wav", { "content-length": String(101 * 1024 * 1024) }), callId, { root });
    expect(declaredTooLarge.status).toBe(413);
    // Nothing but the one recording is left in the folder (no temporary files).
    expect(fs.readdirSync(path.join(root, organization.id))).toEqual([`${callId}.wav`]);
  });

  it.skipIf(kind === "postgresql")("stops reading a body past 100 MB with 413, without keeping any of it (once: it does not depend on the database)", async () => {
    const organization = await createOrganization(database.db);
    const call = await database.db.call.create({ data: { organizationId: organization.id, status: "completed", direction: "outbound" } });
    const chunk = new Uint8Array(4 * 1024 * 1024);
    chunk.set(wavFile(0).subarray(0, 12));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(sent === chunk.length ? chunk : new Uint8Array(chunk.length));
        if (sent > 200 * 1024 * 1024) controller.close();
      },
    });
    const response = await handleAudioUpload(database.db, upload(organization.key, String(call.id), endless), String(call.id), { root });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(120 * 1024 * 1024);
    expect(fs.readdirSync(path.join(root, organization.id))).toEqual([]);
    expect(await database.db.audioFile.count({ where: { callId: call.id } })).toBe(0);
  });
});
