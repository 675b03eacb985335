// Small real recordings for the demo calls that have an audio_file row, so the call page's player
// has something to play: 8 kHz mono 8-bit PCM WAV, a voice-like hum per turn (a lower one for the
// customer, a higher one for the agent, silence for tool calls). Files are capped in length so the
// whole demo stays small: the newest calls get their whole length (so the player can follow a whole
// conversation), older ones a short opening. The row's duration and size are set to what was written.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../../server/db";

const sampleRate = 8000;
const shortFileSeconds = 25;
/** Per organization, for whole-length recordings of the newest calls; with the short ones the demo stays under 50 MB. */
const wholeCallBudgetBytes = 10 * 1024 * 1024;
const headerBytes = 44;

type Turn = { role: "User" | "Assistant" | "Tool"; offsetSec: number };

function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(headerBytes);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate, 28); // byte rate: 1 byte per sample
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Deterministic noise so every seed writes the same bytes. */
function noise(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296 - 0.5;
  };
}

function synthesize(turns: readonly Turn[], seconds: number, seed: number): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples, 128);
  const random = noise(seed);
  turns.forEach((turn, index) => {
    if (turn.role === "Tool") return;
    const start = Math.max(0, Math.round(turn.offsetSec * sampleRate));
    // A short pause before the next speaker.
    const end = Math.min(samples, Math.round(((turns[index + 1]?.offsetSec ?? seconds) - 0.35) * sampleRate));
    const pitch = turn.role === "User" ? 140 + (index % 3) * 12 : 220 + (index % 2) * 15;
    const syllableRate = turn.role === "User" ? 3.2 : 4.1;
    for (let sample = start; sample < end; sample++) {
      const time = sample / sampleRate;
      const envelope = Math.abs(Math.sin(Math.PI * syllableRate * time)) ** 0.6;
      const voice = Math.sin(2 * Math.PI * pitch * time) + 0.5 * Math.sin(4 * Math.PI * pitch * time) + 0.25 * Math.sin(6 * Math.PI * pitch * time);
      const value = 0.32 * envelope * (voice / 1.75 + 0.35 * random());
      data[sample] = Math.max(0, Math.min(255, Math.round(128 + value * 127)));
    }
  });
  return Buffer.concat([wavHeader(data.length), data]);
}

/** Writes the recordings of these organizations' calls into AUDIO_DIR (default .data/audio). */
export async function writeDemoAudio(db: Database, organizationIds: readonly string[]): Promise<void> {
  const root = path.resolve(process.env.AUDIO_DIR ?? ".data/audio");
  for (const organizationId of organizationIds) {
    const files = await db.audioFile.findMany({
      where: { organizationId },
      select: { id: true, filePath: true, call: { select: { id: true, startTime: true, durationSec: true, transcripts: { select: { role: true, timestamp: true }, orderBy: [{ timestamp: "asc" }, { id: "asc" }] } } } },
      orderBy: [{ call: { startTime: "desc" } }, { id: "desc" }],
    });
    let wholeBytesLeft = wholeCallBudgetBytes;
    for (const file of files) {
      if (!file.filePath) continue;
      const callSeconds = Math.max(1, file.call.durationSec ?? shortFileSeconds);
      const whole = callSeconds * sampleRate <= wholeBytesLeft;
      if (whole) wholeBytesLeft -= callSeconds * sampleRate;
      const seconds = whole ? callSeconds : Math.min(shortFileSeconds, callSeconds);
      const start = file.call.startTime?.getTime() ?? 0;
      const turns = file.call.transcripts.map((turn) => ({ role: turn.role, offsetSec: turn.timestamp ? (turn.timestamp.getTime() - start) / 1000 : 0 }));
      const wav = synthesize(turns, seconds, Number(file.call.id));
      const target = path.join(root, file.filePath);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.writeFile(target, wav);
      await db.audioFile.update({ where: { id: file.id }, data: { durationSec: seconds, fileSizeBytes: BigInt(wav.length) } });
    }
  }
}
