import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callReportRequest, claimRequest, inboundCallRequest } from "@/lib/validation/voice-api";
import { handleAudioUpload, handleCallReport, handleClaim, handleInboundCall } from "@/server/api-v1/handlers";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { apiRequest, createCampaign, createOrganization, mondayMorning } from "../voice-api/voice-api-data";
import type { TestOrganization } from "../voice-api/voice-api-data";
import { badWholeInputs, fieldsOf, missing, nulByte, oneMegabyte, sampleBadValues, seededRandom, withField } from "./bad-inputs";
import { databaseChecksum } from "./procedures";

// The bad-input sweep over the voice engine's REST API (/api/v1): every endpoint, with a valid API key,
// gets bodies and path ids generated like the tRPC sweep's (fields from the zod schemas). Each answer is a
// 4xx JSON error or a success, never a 500, and a refused request writes nothing.

const seed = 20261125;
const badPathIds = ["abc", "-1", "0", "9".repeat(40), "1e3", "0x10", `1${nulByte}`, "%00", "1.5", " 7 "];
const rawBodies: { label: string; body: string }[] = [
  { label: "empty body", body: "" },
  { label: "broken JSON", body: "{" },
  { label: "JSON null", body: "null" },
  { label: "JSON array", body: "[]" },
  { label: "JSON string", body: '"x"' },
  { label: "deeply nested JSON", body: `${"[".repeat(5000)}${"]".repeat(5000)}` },
  { label: "1 MB JSON string", body: JSON.stringify(oneMegabyte) },
  { label: "NUL in a JSON key", body: '{"status\\u0000":"completed"}' },
];

/** JSON with bigints as number literals and `missing` fields left out. */
function jsonBody(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `__bigint__${item}__` : item === missing ? undefined : item));
  return (text ?? "").replace(/"__bigint__(-?\d+)__"/g, "$1");
}

type Endpoint = { name: string; send: (body: string, id?: string) => Promise<Response>; base: unknown; schema: Parameters<typeof fieldsOf>[0]; ids: boolean };

describe.each(databaseKinds)("voice API bad-input sweep on %s", (kind) => {
  let database: TestDatabase;
  let organization: TestOrganization;
  let callId: string;
  const audioRoot = fs.mkdtempSync(path.join(os.tmpdir(), "voice-sweep-audio-"));
  const figures = { endpoints: 0, requests: 0, accepted: 0, refused: {} as Record<number, number> };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.plan.create({ data: { name: "Growth", price: "499.00", creditLimit: "200.00", ratePerMinute: "0.1800" } });
    organization = await createOrganization(database.db);
    await createCampaign(database.db, organization.id, { records: 3 });
    const claimed = (await (await handleClaim(database.db, apiRequest("POST", "/api/v1/dial-queue/claim", organization.key, { limit: 1 }), { now: mondayMorning })).json()) as {
      calls: { call_id: string }[];
    };
    callId = claimed.calls[0]!.call_id;
  });

  afterAll(() => {
    fs.rmSync(audioRoot, { recursive: true, force: true });
    console.info(`voice API sweep on ${kind}: ${figures.endpoints} endpoints × ${figures.requests} bad requests; accepted ${figures.accepted}; refused by status ${JSON.stringify(figures.refused)}`);
  });

  const request = (method: string, url: string, body: string, headers: Record<string, string> = {}) =>
    new Request(`http://localhost${url}`, { method, headers: { authorization: `Bearer ${organization.key}`, "content-type": "application/json", ...headers }, body: body === "" ? undefined : body });

  const report = {
    status: "completed",
    start_time: "2026-11-30T15:00:10Z",
    end_time: "2026-11-30T15:02:15Z",
    duration_sec: 125,
    outcome: "booked",
    transcript: [{ role: "assistant", content: "Your Civic is due for an oil change.", timestamp: "2026-11-30T15:00:12Z" }],
    booking: { scheduled_time: "2026-12-03T14:00:00Z", status: "Pending" },
    external_id: "sweep-engine-call",
  };
  const endpoints = (): Endpoint[] => [
    {
      name: "POST /api/v1/dial-queue/claim",
      send: (body) => handleClaim(database.db, request("POST", "/api/v1/dial-queue/claim", body), { now: mondayMorning }),
      base: { limit: 1 },
      schema: claimRequest,
      ids: false,
    },
    {
      name: "PUT /api/v1/calls/{id}",
      send: (body, id = callId) => handleCallReport(database.db, request("PUT", `/api/v1/calls/${encodeURIComponent(id)}`, body), id),
      base: report,
      schema: callReportRequest,
      ids: true,
    },
    {
      name: "POST /api/v1/calls",
      send: (body) => handleInboundCall(database.db, request("POST", "/api/v1/calls", body)),
      base: { ...report, external_id: "sweep-inbound-call", booking: undefined, customer_number: "+16145550142" },
      schema: inboundCallRequest,
      ids: false,
    },
  ];

  async function expectClean(name: string, cases: { label: string; send: () => Promise<Response> }[]) {
    const serverErrors: string[] = [];
    const writes: string[] = [];
    let checksum = await databaseChecksum(database);
    for (const testCase of cases) {
      const response = await testCase.send();
      figures.requests++;
      const text = await response.text();
      if (response.status >= 500) serverErrors.push(`${testCase.label} → ${response.status} ${text.slice(0, 200)}`);
      if (response.status < 400) {
        figures.accepted++;
        checksum = await databaseChecksum(database);
        continue;
      }
      figures.refused[response.status] = (figures.refused[response.status] ?? 0) + 1;
      expect(() => JSON.parse(text) as unknown, `${testCase.label}: the error is JSON`).not.toThrow();
      const after = await databaseChecksum(database);
      if (after !== checksum) writes.push(`${testCase.label} (${response.status}) changed the database`);
      checksum = after;
    }
    figures.endpoints++;
    expect(serverErrors, `${name}: bad requests that ended in a server error`).toEqual([]);
    expect(writes, `${name}: refused requests that wrote`).toEqual([]);
  }

  it.each(["POST /api/v1/dial-queue/claim", "PUT /api/v1/calls/{id}", "POST /api/v1/calls"])("%s", async (name) => {
    const endpoint = endpoints().find((candidate) => candidate.name === name)!;
    const random = seededRandom(seed + name.length);
    const cases = [
      ...rawBodies.map(({ label, body }) => ({ label, send: () => endpoint.send(body) })),
      ...badWholeInputs.filter((bad) => bad.value !== undefined).map((bad) => ({ label: bad.label, send: () => endpoint.send(jsonBody(bad.value)) })),
      ...fieldsOf(endpoint.schema, endpoint.base).flatMap(({ path: field, kind: fieldKind }) =>
        sampleBadValues(fieldKind, random, 1).map((bad) => ({ label: `${field} = ${bad.label}`, send: () => endpoint.send(jsonBody(withField(endpoint.base, field, bad.value))) })),
      ),
      ...(endpoint.ids ? badPathIds.map((id) => ({ label: `path id ${JSON.stringify(id)}`, send: () => endpoint.send(jsonBody(endpoint.base), id) })) : []),
    ];
    await expectClean(name, cases);
  });

  it("PUT /api/v1/calls/{id}/audio", async () => {
    const upload = (id: string, body: BodyInit | undefined, contentType?: string) =>
      handleAudioUpload(
        database.db,
        new Request(`http://localhost/api/v1/calls/${encodeURIComponent(id)}/audio`, {
          method: "PUT",
          headers: { authorization: `Bearer ${organization.key}`, ...(contentType ? { "content-type": contentType } : {}) },
          body,
        }),
        id,
        { root: audioRoot },
      );
    const html = "<script>window.__xss=1</script>";
    const cases = [
      { label: "no body", send: () => upload(callId, undefined, "audio/wav") },
      { label: "no content type", send: () => upload(callId, "RIFF") },
      { label: "HTML as audio/wav", send: () => upload(callId, html, "audio/wav") },
      { label: "HTML as text/html", send: () => upload(callId, html, "text/html") },
      { label: "content type with a payload", send: () => upload(callId, "RIFF", `audio/wav; name="<img src=x onerror=alert(1)>"`) },
      { label: "1 MB of zeros as audio/mpeg", send: () => upload(callId, new Uint8Array(1 << 20), "audio/mpeg") },
      { label: "truncated WAV header", send: () => upload(callId, "RIFF\u0000\u0000", "audio/wav") },
      ...badPathIds.map((id) => ({ label: `path id ${JSON.stringify(id)}`, send: () => upload(id, "RIFF", "audio/wav") })),
    ];
    await expectClean("PUT /api/v1/calls/{id}/audio", cases);
  });
});
