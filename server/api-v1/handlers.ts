import type { Database } from "../db";
import { callReportRequest, claimRequest, inboundCallRequest } from "@/lib/validation/voice-api";
import { storeCallAudio } from "../services/call-audio-upload";
import { recordInboundCall, reportCall } from "../services/call-ingest";
import { claimCalls } from "../services/dial-queue";
import { authenticate } from "./auth";
import { answer, json, notFound, parseOrThrow, readJsonObject } from "./errors";

// The /api/v1 handlers, with the database passed in: the route files hand them getDb(), the
// integration tests hand them a test database and call them with Request objects.

/** A path id: anything that is not a positive integer is simply not found. */
function pathId(id: string): bigint | null {
  return /^[1-9]\d{0,17}$/.test(id) ? BigInt(id) : null;
}

/** POST /api/v1/dial-queue/claim */
export function handleClaim(db: Database, request: Request, options: { now?: Date } = {}): Promise<Response> {
  return answer(async () => {
    const actor = await authenticate(db, request);
    const input = parseOrThrow(claimRequest, await readJsonObject(request));
    return json(await claimCalls(db, actor, input.limit, options.now ?? new Date()));
  });
}

/** PUT /api/v1/calls/{id} */
export function handleCallReport(db: Database, request: Request, id: string): Promise<Response> {
  return answer(async () => {
    const actor = await authenticate(db, request);
    const callId = pathId(id);
    if (callId === null) return notFound();
    const input = parseOrThrow(callReportRequest, await readJsonObject(request));
    const call = await reportCall(db, actor, callId, input);
    return call ? json(call) : notFound();
  });
}

/** POST /api/v1/calls */
export function handleInboundCall(db: Database, request: Request): Promise<Response> {
  return answer(async () => {
    const actor = await authenticate(db, request);
    const input = parseOrThrow(inboundCallRequest, await readJsonObject(request));
    const { call, created } = await recordInboundCall(db, actor, input);
    return json(call, created ? 201 : 200);
  });
}

/** PUT /api/v1/calls/{id}/audio */
export function handleAudioUpload(db: Database, request: Request, id: string, options: { root?: string } = {}): Promise<Response> {
  return answer(async () => {
    const actor = await authenticate(db, request);
    const callId = pathId(id);
    if (callId === null) return notFound();
    const stored = await storeCallAudio(
      db,
      actor,
      callId,
      { body: request.body, contentType: request.headers.get("content-type"), contentLength: request.headers.get("content-length") },
      options.root,
    );
    return stored ? json({ call_id: id, format: stored.format, size_bytes: stored.sizeBytes }) : notFound();
  });
}
