import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { Database } from "@/server/db";
import type { SessionUser } from "@/server/auth/session-user";
import { recordCallView } from "./call-view-audit";

// Call recordings live in a folder (AUDIO_DIR, default .data/audio) under the audio_file row's
// file_path. Served org-scoped with HTTP Range so the player can seek, streamed from disk.

export function audioDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.AUDIO_DIR ?? ".data/audio");
}

/** The absolute path of a stored file, or null when file_path would leave the storage folder. */
export function audioPathFor(filePath: string, root = audioDir()): string | null {
  const resolved = path.resolve(root, filePath);
  return resolved.startsWith(root + path.sep) ? resolved : null;
}

const contentTypes: Record<string, string> = { wav: "audio/wav", mp3: "audio/mpeg", ogg: "audio/ogg", opus: "audio/ogg", m4a: "audio/mp4", webm: "audio/webm", flac: "audio/flac" };

export function audioContentType(format: string | null, filePath: string): string {
  const key = (format || path.extname(filePath).slice(1)).toLowerCase();
  return contentTypes[key] ?? "application/octet-stream";
}

export type ByteRange = { start: number; end: number };

/** Parses a single `bytes=` range against the file size; "unsatisfiable" for ranges outside it. Multi-range is served whole. */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, startText = "", endText = ""] = match;
  if (!startText && !endText) return null;
  if (!startText) {
    const suffix = Number(endText);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText ? Math.min(Number(endText), size - 1) : size - 1;
  if (start >= size || (endText && Number(endText) < start)) return "unsatisfiable";
  return { start, end };
}

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function streamFile(file: string, range: ByteRange): ReadableStream<Uint8Array> {
  return Readable.toWeb(fs.createReadStream(file, { start: range.start, end: range.end })) as ReadableStream<Uint8Array>;
}

/**
 * GET /api/calls/[id]/audio for a signed-in user (null: signed out). The route handler only
 * resolves the session and the database; everything else happens here so tests can call it.
 */
export async function serveCallAudio(db: Database, user: SessionUser | null, callId: string, rangeHeader: string | null, root = audioDir()): Promise<Response> {
  if (!user) return new Response("Sign in to listen to call recordings.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!/^\d{1,19}$/.test(callId)) return notFound();
  const organizationId = user.actingOrganization?.id ?? user.organizationId;
  const audio = await db.audioFile.findFirst({
    where: { callId: BigInt(callId), organizationId, call: { organizationId } },
    select: { callId: true, filePath: true, fileFormat: true },
  });
  const file = audio?.filePath ? audioPathFor(audio.filePath, root) : null;
  if (!audio?.filePath || !file) return notFound();
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) return notFound();

  const size = stat.size;
  const headers = new Headers({
    "Content-Type": audioContentType(audio.fileFormat, audio.filePath),
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
  });
  const range = parseRange(rangeHeader, size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  // One view per listen: the request that starts at the beginning, not every seek or chunk.
  if (!range || range.start === 0) await recordCallView(db, { organizationId, userId: user.id }, audio.callId, "audio");
  if (size === 0) {
    headers.set("Content-Length", "0");
    return new Response(null, { status: 200, headers });
  }
  const served = range ?? { start: 0, end: size - 1 };
  headers.set("Content-Length", String(served.end - served.start + 1));
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
  return new Response(streamFile(file, served), { status: range ? 206 : 200, headers });
}
