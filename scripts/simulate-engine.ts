// A stand-in voice engine: claims calls from a running AutoPulse, "dials" them with realistic waits,
// and reports the results (transcripts, some bookings, some recordings) through /api/v1. It shows
// the whole loop working and is the load test of the API.
//
//   npm run simulate:engine -- --org "Sunrise Motors" --minutes 5 [--base http://localhost:3000] [--workers 4]
//                              [--speed 10] [--key ap_live_…] [--batch 1]
//
// The API key: --key (or AUTOPULSE_API_KEY). Without one, and with DATABASE_URL set, a key named
// "Simulated engine" is created for --org in that database. The embedded database cannot be opened
// while the app runs on it, so there create a key first (`npm run apikey:create -- --org …` before
// starting the app, or Settings → API keys) and pass it with --key.
import { parseArgs } from "node:util";
import { prismaForUrl } from "../server/db";
import { generateApiKey } from "../server/services/api-keys";
import { recordAudit } from "../server/services/audit";
import type { CallResource, ClaimedCall } from "../lib/validation/voice-api";
import { toneWav } from "./wav";

type Options = { base: string; key: string; minutes: number; workers: number; speed: number; batch: number };

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    minutes: { type: "string", default: "5" },
    base: { type: "string", default: process.env.AUTOPULSE_BASE_URL ?? "http://localhost:3000" },
    workers: { type: "string", default: "4" },
    speed: { type: "string", default: "1" },
    batch: { type: "string", default: "1" },
    key: { type: "string", default: process.env.AUTOPULSE_API_KEY },
  },
});

// ---------------------------------------------------------------- statistics and the progress line

const stats = { claimed: 0, emptyClaims: 0, inFlight: 0, finished: 0, connected: 0, booked: 0, doNotCall: 0, audio: 0, errors: 0, blocked: "" };
const latencies = new Map<string, number[]>();
const statusCounts = new Map<number, number>();
let lastError = "";

function percentile(values: number[], fraction: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function progressLine(startedAt: number): string {
  const elapsed = Math.round((Date.now() - startedAt) / 1000);
  const clock = `${String(Math.floor(elapsed / 60)).padStart(2, "0")}:${String(elapsed % 60).padStart(2, "0")}`;
  const claimLatency = latencies.get("claim") ?? [];
  return (
    `[${clock}] claimed ${stats.claimed} · in flight ${stats.inFlight} · finished ${stats.finished} (connected ${stats.connected}, booked ${stats.booked}, ` +
    `do-not-call ${stats.doNotCall}) · audio ${stats.audio} · errors ${stats.errors} · claim p50 ${percentile(claimLatency, 0.5)} ms` +
    (stats.blocked ? ` · queue blocked: ${stats.blocked}` : "")
  );
}

// ---------------------------------------------------------------- HTTP

class FatalError extends Error {}

async function request<T>(options: Options, name: string, method: string, path: string, body?: unknown, contentType = "application/json"): Promise<T> {
  const started = performance.now();
  const response = await fetch(new URL(path, options.base), {
    method,
    headers: { authorization: `Bearer ${options.key}`, ...(body === undefined ? {} : { "content-type": contentType }) },
    body: body === undefined ? undefined : body instanceof Uint8Array ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body),
  });
  const text = await response.text();
  const took = Math.round(performance.now() - started);
  latencies.set(name, [...(latencies.get(name) ?? []), took]);
  statusCounts.set(response.status, (statusCounts.get(response.status) ?? 0) + 1);
  if (response.status === 401 || response.status === 403) throw new FatalError(`${method} ${path}: ${response.status} ${text}`);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

// ---------------------------------------------------------------- a call, simulated

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const between = (low: number, high: number) => low + Math.random() * (high - low);

type Result = { status: "completed" | "no_answer" | "busy" | "voicemail" | "failed"; outcome: string | null; talkSeconds: number; booking: boolean };

function decide(): Result {
  const roll = Math.random();
  if (roll < 0.22) return { status: "no_answer", outcome: null, talkSeconds: 0, booking: false };
  if (roll < 0.32) return { status: "voicemail", outcome: "voicemail", talkSeconds: between(20, 35), booking: false };
  if (roll < 0.37) return { status: "busy", outcome: null, talkSeconds: 0, booking: false };
  if (roll < 0.4) return { status: "failed", outcome: null, talkSeconds: 0, booking: false };
  const talk = between(45, 240);
  const outcomeRoll = Math.random();
  if (outcomeRoll < 0.4) return { status: "completed", outcome: "booked", talkSeconds: talk, booking: true };
  if (outcomeRoll < 0.6) return { status: "completed", outcome: "callback", talkSeconds: talk, booking: false };
  if (outcomeRoll < 0.85) return { status: "completed", outcome: "not_interested", talkSeconds: talk, booking: false };
  if (outcomeRoll < 0.92) return { status: "completed", outcome: "do_not_call", talkSeconds: between(15, 40), booking: false };
  return { status: "completed", outcome: pick(["wrong_number", "other"]), talkSeconds: between(10, 40), booking: false };
}

function bookingTime(): Date {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 1 + Math.floor(Math.random() * 6));
  day.setUTCHours(13 + Math.floor(Math.random() * 7), Math.random() < 0.5 ? 0 : 30, 0, 0);
  return day;
}

function transcriptFor(claim: ClaimedCall, result: Result, startedAt: Date, booking: Date | null) {
  const customer = claim.customer.name?.split(" ")[0] ?? "there";
  const agent = claim.agent?.name ?? "your service advisor";
  const vehicle = claim.vehicle.description ?? "your vehicle";
  const service = claim.service.type?.toLowerCase() ?? "service";
  const lines: [role: "assistant" | "user", content: string][] = [[`assistant`, `Hi ${customer}, this is ${agent} calling from the service center about ${vehicle}.`]];
  if (result.status === "voicemail") {
    lines.push(["assistant", `We wanted to remind you that ${vehicle} is due for ${service}. Please call us back to book a time. Thank you!`]);
  } else if (result.outcome === "booked" && booking) {
    const when = booking.toLocaleString("en-US", { weekday: "long", hour: "numeric", minute: "2-digit", timeZone: claim.campaign.time_zone });
    lines.push(
      ["user", "Oh right, I've been meaning to bring it in."],
      ["assistant", `Great. It's due for ${service}. Would ${when} work for you?`],
      ["user", "Yes, that works."],
      ["assistant", `You're booked for ${when}. We'll text you a reminder the day before.`],
      ["user", "Perfect, thanks."],
    );
  } else if (result.outcome === "callback") {
    lines.push(["user", "I'm driving right now, can you call me back tomorrow?"], ["assistant", "Of course. I'll call you back tomorrow. Drive safe!"]);
  } else if (result.outcome === "not_interested") {
    lines.push(["user", `I already had the ${service} done somewhere else.`], ["assistant", "Thanks for letting us know. I'll update our records."]);
  } else if (result.outcome === "do_not_call") {
    lines.push(["user", "Please take me off your list and don't call again."], ["assistant", "Understood. You won't receive any more calls from us."]);
  } else {
    lines.push(["user", `Sorry, I think you have the wrong number.`], ["assistant", "My apologies for the trouble. Have a good day."]);
  }
  const step = Math.max(result.talkSeconds / (lines.length + 1), 1);
  return lines.map(([role, content], index) => ({ role, content, timestamp: new Date(startedAt.getTime() + (index + 1) * step * 1000).toISOString() }));
}

async function playCall(options: Options, claim: ClaimedCall, wait: (seconds: number) => Promise<void>): Promise<void> {
  const path = `/api/v1/calls/${claim.call_id}`;
  await request(options, "report", "PUT", path, { status: "ringing" });
  const result = decide();
  await wait(between(4, 18));
  if (result.talkSeconds === 0) {
    await request(options, "report", "PUT", path, { status: result.status, outcome: result.outcome });
    return;
  }
  const startedAt = new Date();
  await request(options, "report", "PUT", path, { status: "in_progress", start_time: startedAt.toISOString() });
  await wait(result.talkSeconds);
  const booking = result.booking ? bookingTime() : null;
  const durationSec = Math.round(result.talkSeconds);
  const endedAt = new Date(startedAt.getTime() + durationSec * 1000);
  const final = {
    status: result.status === "voicemail" ? "voicemail" : "completed",
    outcome: result.outcome,
    start_time: startedAt.toISOString(),
    end_time: endedAt.toISOString(),
    duration_sec: durationSec,
    transcript: transcriptFor(claim, result, startedAt, booking),
    ...(booking ? { booking: { scheduled_time: booking.toISOString(), status: "Confirmed" } } : {}),
  };
  const call = await request<CallResource>(options, "report", "PUT", path, final);
  if (call.status === "completed") stats.connected += 1;
  if (call.booking) stats.booked += 1;
  if (result.outcome === "do_not_call") stats.doNotCall += 1;
  if (Math.random() < 0.4) {
    await request(options, "audio", "PUT", `${path}/audio`, toneWav(Math.min(durationSec, 6), between(180, 320)), "audio/wav");
    stats.audio += 1;
  }
}

// ---------------------------------------------------------------- workers

async function worker(options: Options, deadline: number): Promise<void> {
  // Waits shrink with --speed, and end at once when the run is over so in-flight calls finish quickly.
  const wait = (seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, Date.now() >= deadline ? 0 : Math.max(0, (seconds * 1000) / options.speed)));
  while (Date.now() < deadline) {
    let claimed: ClaimedCall[] = [];
    try {
      const response = await request<{ calls: ClaimedCall[]; blocked: string | null }>(options, "claim", "POST", "/api/v1/dial-queue/claim", { limit: options.batch });
      claimed = response.calls;
      stats.blocked = response.blocked ?? "";
    } catch (error) {
      if (error instanceof FatalError) throw error;
      stats.errors += 1;
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (!claimed.length) {
      stats.emptyClaims += 1;
      await wait(5);
      continue;
    }
    stats.claimed += claimed.length;
    stats.inFlight += claimed.length;
    await Promise.all(
      claimed.map(async (claim) => {
        try {
          await playCall(options, claim, wait);
        } catch (error) {
          if (error instanceof FatalError) throw error;
          stats.errors += 1;
          lastError = error instanceof Error ? error.message : String(error);
        } finally {
          stats.inFlight -= 1;
          stats.finished += 1;
        }
      }),
    );
  }
}

async function keyFromDatabase(organizationName: string): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "Pass an API key with --key (or AUTOPULSE_API_KEY). On the embedded database the running app holds the data folder: create a key with " +
        `\`npm run apikey:create -- --org "${organizationName}"\` before starting the app, or on Settings → API keys. With DATABASE_URL set, this script creates one itself.`,
    );
  }
  const db = prismaForUrl(url);
  try {
    const organization = await db.organization.findUnique({ where: { name: organizationName }, select: { id: true } });
    if (!organization) throw new Error(`There is no organization named "${organizationName}".`);
    const { key, keyHash, prefix } = generateApiKey();
    await db.$transaction(async (tx) => {
      const apiKey = await tx.apiKey.create({ data: { organizationId: organization.id, name: "Simulated engine", prefix, keyHash } });
      await recordAudit(tx, { organizationId: organization.id, userId: null, entity: "api_key", entityId: apiKey.id, action: "create", newValue: { name: "Simulated engine", prefix } });
    });
    console.log(`Created the API key ${prefix}… ("Simulated engine") for ${organizationName}; pass it with --key next time.`);
    return key;
  } finally {
    await db.$disconnect();
  }
}

function positive(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number`);
  return number;
}

async function main() {
  if (!values.org && !values.key) throw new Error('Usage: npm run simulate:engine -- --org "Sunrise Motors" --minutes 5 [--base http://localhost:3000] [--workers 4] [--speed 1] [--key ap_live_…]');
  const options: Options = {
    base: values.base!,
    key: values.key ?? (await keyFromDatabase(values.org!)),
    minutes: positive("minutes", values.minutes),
    workers: Math.round(positive("workers", values.workers)),
    speed: positive("speed", values.speed),
    batch: Math.min(50, Math.round(positive("batch", values.batch))),
  };
  const health = await fetch(new URL("/api/health", options.base)).catch(() => null);
  if (!health?.ok) throw new Error(`No AutoPulse answers at ${options.base} (GET /api/health). Start it with npm run dev, or pass --base.`);

  const startedAt = Date.now();
  const deadline = startedAt + options.minutes * 60_000;
  console.log(`Simulating a voice engine against ${options.base}: ${options.workers} workers, ${options.minutes} min, speed ×${options.speed}. Ctrl-C stops.`);
  const interactive = process.stdout.isTTY;
  const ticker = setInterval(() => (interactive ? process.stdout.write(`\r${progressLine(startedAt)}\u001b[K`) : console.log(progressLine(startedAt))), interactive ? 1000 : 10_000);
  try {
    await Promise.all(Array.from({ length: options.workers }, () => worker(options, deadline)));
  } finally {
    clearInterval(ticker);
    if (interactive) process.stdout.write("\n");
  }
  console.log(progressLine(startedAt));
  if (!stats.claimed) console.log("The queue gave no calls: is a campaign Active (or Scheduled and started) with records, and is it now inside one of its calling windows?");
  console.log("Latency by request (ms):");
  for (const [name, values] of latencies) {
    console.log(`  ${name.padEnd(7)} n=${String(values.length).padStart(5)}  p50=${percentile(values, 0.5)}  p95=${percentile(values, 0.95)}  max=${Math.max(...values)}`);
  }
  console.log(`Responses by status: ${[...statusCounts].map(([status, count]) => `${status}×${count}`).join(", ")}`);
  if (lastError) console.log(`Last error: ${lastError}`);
}

main().then(
  () => process.exit(stats.errors ? 1 : 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
