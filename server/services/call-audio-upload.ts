import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Database } from "../db";
import { maxAudioBytes } from "@/lib/validation/voice-api";
import type { AudioFormat } from "@/lib/validation/voice-api";
import { ApiProblem } from "../api-v1/errors";
import { audioDir, audioPathFor } from "./audio-storage";
import { recordAudit } from "./audit";
import type { IngestActor } from "./call-ingest";

// PUT /api/v1/calls/{id}/audio: the recording is streamed chunk by chunk to a temporary file in the
// storage folder (never held whole in memory), checked for its format's signature and size, then
// renamed into place as <organization>/<call>.<format> and recorded in audio_file.

const formatByContentType: Record<string, AudioFormat> = {
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/vnd.wave": "wav",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/ogg": "ogg",
  "application/ogg": "ogg",
};

export function audioFormatOf(contentType: string | null): AudioFormat | null {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type ? (formatByContentType[type] ?? null) : null;
}

function hasSignature(format: AudioFormat, head: Buffer): boolean {
  if (format === "wav") return head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WAVE";
  if (format === "ogg") return head.subarray(0, 4).toString("latin1") === "OggS";
  return head.subarray(0, 3).toString("latin1") === "ID3" || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0);
}

class TooLarge extends Error {}

async function streamToFile(body: ReadableStream<Uint8Array>, file: string, format: AudioFormat): Promise<number> {
  let size = 0;
  let head = Buffer.alloc(0);
  let checked = false;
  const check = () => {
    checked = true;
    if (!hasSignature(format, head)) throw new ApiProblem(400, "invalid_request", `The body is not a ${format} file`, { body: [`Not a ${format} file`] });
  };
  await pipeline(
    Readable.fromWeb(body as WebReadableStream<Uint8Array>),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > maxAudioBytes) throw new TooLarge();
        if (!checked) {
          head = Buffer.concat([head, chunk.subarray(0, 12)]).subarray(0, 12);
          if (head.length >= 12) check();
        }
        yield chunk;
      }
    },
    fs.createWriteStream(file, { flags: "wx" }),
  );
  if (size === 0) throw new ApiProblem(400, "invalid_request", "The recording is empty", { body: ["Empty"] });
  if (!checked) check();
  return size;
}

export type AudioUpload = { body: ReadableStream<Uint8Array> | null; contentType: string | null; contentLength: string | null };

/** Stores the recording of one of the organization's calls; null when the call is not theirs. */
export async function storeCallAudio(db: Database, actor: IngestActor, callId: bigint, upload: AudioUpload, root = audioDir()): Promise<{ format: AudioFormat; sizeBytes: number } | null> {
  const call = await db.call.findFirst({ where: { id: callId, organizationId: actor.organizationId }, select: { id: true, durationSec: true } });
  if (!call) return null;
  const format = audioFormatOf(upload.contentType);
  if (!format) throw new ApiProblem(415, "unsupported_media_type", "Send audio/wav, audio/mpeg or audio/ogg", { "content-type": ["One of audio/wav, audio/mpeg, audio/ogg"] });
  if (upload.contentLength && Number(upload.contentLength) > maxAudioBytes) throw new ApiProblem(413, "payload_too_large", "Recordings are limited to 100 MB");
  if (!upload.body) throw new ApiProblem(400, "invalid_request", "The recording is empty", { body: ["Empty"] });

  const relativePath = path.join(/*turbopackIgnore: true*/ actor.organizationId, `${call.id}.${format}`);
  const target = audioPathFor(relativePath, root);
  if (!target) throw new Error("The audio path left the storage folder");
  await fs.promises.mkdir(path.dirname(/*turbopackIgnore: true*/ target), { recursive: true });
  const temporary = path.join(/*turbopackIgnore: true*/ path.dirname(target), `.${call.id}-${crypto.randomBytes(6).toString("hex")}.part`);
  let sizeBytes: number;
  try {
    sizeBytes = await streamToFile(upload.body, temporary, format);
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    if (error instanceof TooLarge) throw new ApiProblem(413, "payload_too_large", "Recordings are limited to 100 MB");
    throw error;
  }

  const previous = await db.$transaction(
    async (tx) => {
      const before = await tx.audioFile.findUnique({ where: { callId: call.id }, select: { filePath: true, fileFormat: true, fileSizeBytes: true } });
      const data = { organizationId: actor.organizationId, filePath: relativePath, fileFormat: format, fileSizeBytes: BigInt(sizeBytes), durationSec: call.durationSec };
      const audio = await tx.audioFile.upsert({ where: { callId: call.id }, create: { callId: call.id, ...data }, update: data, select: { id: true } });
      await tx.call.update({ where: { id: call.id }, data: { recordingUrl: `/api/calls/${call.id}/audio` } });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        userId: null,
        apiKeyId: actor.apiKeyId,
        entity: "audio_file",
        entityId: audio.id,
        action: before ? "update" : "create",
        oldValue: before ?? undefined,
        newValue: { callId: call.id, filePath: relativePath, fileFormat: format, fileSizeBytes: sizeBytes },
      });
      return before;
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
  // A recording sent again in another format replaces the old file.
  if (previous?.filePath && previous.filePath !== relativePath) {
    const old = audioPathFor(previous.filePath, root);
    if (old) await fs.promises.rm(old, { force: true });
  }
  return { format, sizeBytes };
}
