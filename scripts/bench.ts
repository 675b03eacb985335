// npm run bench [-- --requests 200 --email admin@metro-auto-group.test --only calls.list]
// npm run bench -- --only csv (the CSV import's memory only) or --only memory (CSV import and audio upload)
//
// Measures the production build on the generated data (npm run db:generate-large): for each operation, p50/p95/p99
// over --requests requests at 1 and at 8 concurrent clients through HTTP, next to the SQL the same operation runs,
// replayed directly through the pg driver in the same run, and the ratio. The SQL is captured by running the
// operation once in this process through the app's own router (server-side caller) with pg's Client.query
// recorded, so it is exactly the app's SQL, parameters included; the replay runs the statements one after the other.
//
// Environment: DATABASE_URL (the generated database). BENCH_URL: an already running app on that database
// (otherwise the bench starts `next start` itself on BENCH_PORT, default 3199, from BENCH_APP_DIR, default this
// project, and stops it at the end). The results go to docs/benchmarks.md (section between the bench markers).
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { transformer } from "../lib/transformer";
import { maxImportRows } from "../lib/validation/service-record";
import { replaceSection, signIn } from "./benchmarks-doc.mjs";

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};
const requestCount = Number(arg("requests") ?? 200);
const email = arg("email") ?? "admin@metro-auto-group.test";
const password = arg("password") ?? "demo-password";
const only = arg("only");
/** --only csv / --only memory: only the memory measurements (no operation is timed). */
const memoryOnly = only === "csv" || only === "memory";
const concurrencies = [1, 8];
const slowMs = Number(arg("slow-ms") ?? 500);
const slowRequests = Number(arg("slow-requests") ?? 24);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL to the generated database (see npm run db:generate-large).");
const projectDir = process.cwd();

// ---------------------------------------------------------------------------------------------
// Recording the app's SQL: every statement any pg.Client sends while `recording` is set.

type Statement = { text: string; values: unknown[] };
let recording: Statement[] | null = null;
const originalQuery = pg.Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(pg.Client.prototype as any).query = function recordedQuery(this: pg.Client, ...args: unknown[]) {
  const [config, values] = args as [unknown, unknown];
  if (recording) {
    if (typeof config === "string") recording.push({ text: config, values: Array.isArray(values) ? values : [] });
    else if (config && typeof config === "object" && "text" in config) {
      const query = config as { text: string; values?: unknown[] };
      recording.push({ text: query.text, values: query.values ?? (Array.isArray(values) ? values : []) });
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (originalQuery as any).apply(this, args);
};

// ---------------------------------------------------------------------------------------------
// Statistics

type Stats = { n: number; errors: number; p50: number; p95: number; p99: number; mean: number };

function stats(samples: number[], errors = 0): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, errors, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length) };
}

async function measure(total: number, concurrency: number, once: () => Promise<void>): Promise<Stats> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next += 1;
      const started = performance.now();
      try {
        await once();
        samples.push(performance.now() - started);
      } catch (error) {
        errors += 1;
        if (errors <= 3) console.error(`    error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return stats(samples, errors);
}

// ---------------------------------------------------------------------------------------------
// The app server and its memory

type ServerHandle = { base: string; pid: number | null; stop: () => Promise<void> };

function descendants(pid: number): number[] {
  const result = [pid];
  for (let i = 0; i < result.length; i += 1) {
    const current = result[i]!;
    try {
      for (const task of fs.readdirSync(`/proc/${current}/task`)) {
        const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) result.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone
    }
  }
  return result;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

class MemoryWatch {
  peakKb = 0;
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly pid: number | null) {}
  rssKb(): number {
    return this.pid ? descendants(this.pid).reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0) : 0;
  }
  hwmKb(): number {
    return this.pid ? descendants(this.pid).reduce((sum, pid) => sum + statusKb(pid, "VmHWM"), 0) : 0;
  }
  start(): void {
    this.timer = setInterval(() => {
      this.peakKb = Math.max(this.peakKb, this.rssKb());
    }, 50);
  }
  resetPeak(): void {
    this.peakKb = this.rssKb();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

async function waitForServer(base: string, child: ChildProcess | null): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`The app server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app server at ${base} did not answer within 2 minutes`);
}

async function startServer(): Promise<ServerHandle> {
  if (process.env.BENCH_URL) {
    const base = process.env.BENCH_URL.replace(/\/$/, "");
    await waitForServer(base, null);
    const pid = process.env.BENCH_PID ? Number(process.env.BENCH_PID) : null;
    return { base, pid, stop: async () => undefined };
  }
  const port = Number(process.env.BENCH_PORT ?? 3199);
  const appDir = process.env.BENCH_APP_DIR ?? projectDir;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "autopulse-bench-"));
  const child = spawn(process.execPath, [path.join(appDir, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      // The heap cap of `npm start` (package.json), so the memory figures are those of the real server.
      NODE_OPTIONS: `--max-old-space-size=384 ${process.env.NODE_OPTIONS ?? ""}`.trim(),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-0000",
      AUTH_TRUST_HOST: "true",
      SECRETS_FILE: path.join(scratch, "secrets.json"),
      AUDIO_DIR: path.join(scratch, "audio"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`  [app] ${chunk.toString()}`));
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(base, child);
  return {
    base,
    pid: child.pid ?? null,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP

function trpcUrl(base: string, procedure: string, input: unknown): string {
  return `${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(transformer.serialize(input)))}`;
}

async function fetchOk(url: string, init: RequestInit): Promise<number> {
  const response = await fetch(url, init);
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url.slice(0, 120)}: ${body.slice(0, 200)}`);
  return body.length;
}

// ---------------------------------------------------------------------------------------------
// Operations

type Operation = { name: string; procedure?: string; input?: unknown; page?: string; mutation?: boolean };

type Fixtures = { orgId: string; userId: string; deepCallCursor: string; callId: string; deepAuditCursor: string; auditDepth: number; campaignId: string; callDepth: number };

async function fixtures(client: pg.Client): Promise<Fixtures> {
  const user = await client.query<{ id: string; organization_id: string }>(`SELECT id::text, organization_id FROM "user" WHERE email = $1`, [email]);
  if (!user.rows[0]) throw new Error(`No user ${email}: run npm run db:generate-large first.`);
  const { id: userId, organization_id: orgId } = user.rows[0];
  const [{ calls }] = (await client.query<{ calls: string }>(`SELECT count(*)::text AS calls FROM "call" WHERE organization_id = $1`, [orgId])).rows as [{ calls: string }];
  const callDepth = Math.min(50_000, Math.max(0, Number(calls) - 30));
  const deep = (await client.query<{ id: string; start_time: Date }>(`SELECT id::text, start_time FROM "call" WHERE organization_id = $1 ORDER BY start_time DESC NULLS LAST, id DESC OFFSET $2 LIMIT 1`, [orgId, callDepth])).rows[0]!;
  const deepCallCursor = Buffer.from(JSON.stringify({ value: deep.start_time.toISOString(), id: deep.id })).toString("base64url");
  const call = (await client.query<{ id: string }>(`SELECT id::text FROM "call" WHERE organization_id = $1 AND status = 'completed' ORDER BY start_time DESC OFFSET 1000 LIMIT 1`, [orgId])).rows[0]!;
  const [{ audits }] = (await client.query<{ audits: string }>(`SELECT count(*)::text AS audits FROM audit_log WHERE organization_id = $1`, [orgId])).rows as [{ audits: string }];
  const auditDepth = Math.floor(Number(audits) * 0.9);
  const audit = (await client.query<{ id: string; timestamp: Date }>(`SELECT id::text, timestamp FROM audit_log WHERE organization_id = $1 ORDER BY timestamp DESC, id DESC OFFSET $2 LIMIT 1`, [orgId, auditDepth])).rows[0]!;
  const campaign = (await client.query<{ campaign_id: string }>(`SELECT campaign_id::text FROM "call" WHERE organization_id = $1 AND campaign_id IS NOT NULL ORDER BY start_time DESC LIMIT 1`, [orgId])).rows[0]!;
  return { orgId, userId, deepCallCursor, callId: call.id, deepAuditCursor: `${audit.timestamp.toISOString()}_${audit.id}`, auditDepth, campaignId: campaign.campaign_id, callDepth };
}

function operations(f: Fixtures): Operation[] {
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return [
    { name: "calls.list first page", procedure: "calls.list", input: { filters: {}, sort: "time_desc", limit: 25 } },
    { name: "calls.list filtered (completed, booked, 60 days)", procedure: "calls.list", input: { filters: { status: "completed", outcome: "booked", from: day(60), to: day(0) }, sort: "time_desc", limit: 25 } },
    { name: "calls.list filtered by campaign", procedure: "calls.list", input: { filters: { campaignId: f.campaignId }, sort: "time_desc", limit: 25 } },
    { name: `calls.list ${f.callDepth.toLocaleString("en-US")} rows deep (cursor)`, procedure: "calls.list", input: { filters: {}, sort: "time_desc", limit: 25, cursor: f.deepCallCursor } },
    { name: "calls.byId with transcript", procedure: "calls.byId", input: { id: f.callId } },
    { name: 'calls.search rare phrase "harmonic balancer"', procedure: "calls.search", input: { query: "harmonic balancer", filters: {}, limit: 20 } },
    { name: 'calls.search rare phrase "catalytic converter"', procedure: "calls.search", input: { query: "catalytic converter", filters: {}, limit: 20 } },
    { name: 'calls.search common word "appointment"', procedure: "calls.search", input: { query: "appointment", filters: {}, limit: 20 } },
    { name: "dashboard.summary 30 days", procedure: "dashboard.summary", input: { period: "30d" } },
    { name: "dashboard.summary 90 days", procedure: "dashboard.summary", input: { period: "90d" } },
    { name: 'serviceRecord.list search "garcia"', procedure: "serviceRecord.list", input: { search: "garcia", limit: 25 } },
    { name: 'serviceRecord.list search "toyota camry"', procedure: "serviceRecord.list", input: { search: "toyota camry", limit: 25 } },
    { name: `auditLog.list ${f.auditDepth.toLocaleString("en-US")} rows deep`, procedure: "auditLog.list", input: { cursor: f.deepAuditCursor, limit: 50 } },
    { name: "page / (signed in)", page: "/" },
    { name: "page /calls (signed in)", page: "/calls" },
  ];
}

/** Runs the operation once through the app's router in this process and returns the SQL it sent. */
async function captureSql(caller: (procedure: string, input: unknown) => Promise<unknown>, op: Operation): Promise<Statement[]> {
  recording = [];
  try {
    await caller(op.procedure!, op.input);
    return recording;
  } finally {
    recording = null;
  }
}

async function replay(pool: pg.Pool, statements: Statement[]): Promise<void> {
  const client = await pool.connect();
  try {
    for (const statement of statements) await client.query(statement.text, statement.values as unknown[]);
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------

type Row = { name: string; statements: number; http: Record<number, Stats>; sql: Record<number, Stats> | null };

const fmt = (ms: number) => (Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)) : "–");

function table(rows: Row[]): string {
  const lines = [
    "| Operation | SQL stmts | clients | HTTP p50 | HTTP p95 | HTTP p99 | SQL p50 | SQL p95 | SQL p99 | p95 ratio | p95 added (ms) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    for (const clients of concurrencies) {
      const http = row.http[clients]!;
      const sql = row.sql?.[clients];
      const ratio = sql ? (http.p95 / sql.p95).toFixed(2) : "–";
      const added = sql ? fmt(http.p95 - sql.p95) : "–";
      const errors = http.errors ? ` (${http.errors} errors)` : "";
      lines.push(
        `| ${row.name}${errors} | ${row.sql ? row.statements : "–"} | ${clients} | ${fmt(http.p50)} | ${fmt(http.p95)} | ${fmt(http.p99)} | ${sql ? fmt(sql.p50) : "–"} | ${sql ? fmt(sql.p95) : "–"} | ${sql ? fmt(sql.p99) : "–"} | ${ratio} | ${added} |`,
      );
    }
  }
  return lines.join("\n");
}

/** Imports 50,000 rows (in as few files as the per-file limit allows) and records how much the server grows meanwhile. */
async function csvImportMemory(base: string, cookie: string, watch: MemoryWatch): Promise<string> {
  const total = 50_000;
  // New records every run (deleteImportedRecords removes them afterwards). BENCH_CSV_OFFSET picks other phones:
  // a multiple of 50,000 from -3,000,000 to 4,400,000 (the phone numbers must stay valid).
  const offset = Number(process.env.BENCH_CSV_OFFSET ?? 0);
  const rows = Math.min(total, maxImportRows);
  const files = Math.ceil(total / rows);
  const before = watch.rssKb();
  watch.resetPeak();
  const started = performance.now();
  for (let file = 0; file < files; file += 1) {
    const lines = ["name,phone,vehicle,service"];
    for (let i = 0; i < rows; i += 1) {
      const n = file * rows + i;
      lines.push(`Bench Customer ${n},+1312${String(5_550_000 + offset + n).padStart(7, "0")},2021 Toyota Camry,Oil change`);
    }
    const input = { csv: lines.join("\n"), mapping: { customer_name: "name", customer_phone: "phone", vehicle_info: "vehicle", service_type: "service" }, mode: "all_or_nothing", dryRun: false };
    const response = await fetch(`${base}/api/trpc/serviceRecord.importCsv`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(transformer.serialize(input)),
    });
    const text = await response.text();
    if (!response.ok || !text.includes('"written":true')) return `CSV import failed: HTTP ${response.status} ${text.slice(0, 300)}`;
  }
  const seconds = (performance.now() - started) / 1000;
  const growth = (watch.peakKb - before) / 1024;
  const how = files === 1 ? "one file" : `${files} files of ${rows.toLocaleString("en-US")} rows, the import's per-file limit`;
  return `CSV import of ${total.toLocaleString("en-US")} rows (${how}) in ${seconds.toFixed(1)} s: server RSS ${(before / 1024).toFixed(0)} MB before, peak ${(watch.peakKb / 1024).toFixed(0)} MB during (growth ${growth.toFixed(0)} MB; target ≤ 100 MB ${growth <= 100 ? "met" : "MISSED"}), ${(watch.rssKb() / 1024).toFixed(0)} MB after.`;
}

/** The imported customers all drive a "2021 Toyota Camry": left in place they tripled the matches of that search. */
async function deleteImportedRecords(orgId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`DELETE FROM service_record WHERE organization_id = $1 AND customer_name LIKE 'Bench Customer %'`, [orgId]);
    console.log(`  deleted the ${rowCount} customer records the import created`);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The voice engine's API (/api/v1): HTTP only (claims and reports write, so their SQL is not replayed).

async function createApiKey(orgId: string): Promise<string> {
  const { generateApiKey } = await import("../server/services/api-keys");
  const { key, keyHash, prefix } = generateApiKey();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO api_key (organization_id, name, prefix, key_hash) VALUES ($1, $2, $3, $4)`, [orgId, `Benchmark ${new Date().toISOString()}`, prefix, keyHash]);
  } finally {
    await client.end();
  }
  return key;
}

function reportBody(callId: string, run: number) {
  const start = new Date(Date.now() - 5 * 60_000);
  const transcript = Array.from({ length: 20 }, (_, turn) => ({
    role: turn % 2 ? "user" : "assistant",
    content: turn % 2 ? `Sure, the morning works for me (benchmark ${run}).` : `Hi, this is the service department calling about your oil change, turn ${turn}.`,
    timestamp: new Date(start.getTime() + turn * 10_000).toISOString(),
  }));
  return { status: "completed", start_time: start.toISOString(), end_time: new Date(start.getTime() + 200_000).toISOString(), duration_sec: 200, outcome: "callback", transcript, external_id: `bench-${callId}-${run}` };
}

/** Workers that claim one call at a time and report it completed with 20 turns, as an engine does; both timed. */
async function voiceApi(base: string, key: string): Promise<Row[]> {
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const rows: Row[] = [
    { name: "voice API: dial-queue claim (limit 1)", statements: 0, http: {}, sql: null },
    { name: "voice API: report a completed call with 20 turns", statements: 0, http: {}, sql: null },
  ];
  let run = 0;
  for (const clients of concurrencies) {
    const claims: number[] = [];
    const reports: number[] = [];
    let claimErrors = 0;
    let reportErrors = 0;
    let empty = 0;
    const worker = async () => {
      while (claims.length + claimErrors < requestCount && claimErrors < 20) {
        let started = performance.now();
        const response = await fetch(`${base}/api/v1/dial-queue/claim`, { method: "POST", headers, body: JSON.stringify({ limit: 1 }) });
        const text = await response.text();
        const body = (response.ok ? JSON.parse(text) : { text: text.slice(0, 200) }) as { calls?: { call_id: string }[] };
        if (!response.ok) {
          claimErrors += 1;
          if (claimErrors <= 3) console.error(`    claim: HTTP ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
          continue;
        }
        claims.push(performance.now() - started);
        const call = body.calls?.[0];
        if (!call) {
          empty += 1;
          continue;
        }
        run += 1;
        started = performance.now();
        const report = await fetch(`${base}/api/v1/calls/${call.call_id}`, { method: "PUT", headers, body: JSON.stringify(reportBody(call.call_id, run)) });
        const reportText = await report.text();
        if (report.ok) reports.push(performance.now() - started);
        else {
          reportErrors += 1;
          if (reportErrors <= 3) console.error(`    report: HTTP ${report.status} ${reportText.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, worker));
    rows[0]!.http[clients] = stats(claims, claimErrors);
    rows[1]!.http[clients] = stats(reports, reportErrors);
    console.log(`  ${clients} worker(s): claim p95 ${fmt(rows[0]!.http[clients]!.p95)} ms (${empty} empty), report p95 ${fmt(rows[1]!.http[clients]!.p95)} ms (${reports.length} reports)`);
    if (empty) rows[0]!.name = `voice API: dial-queue claim (limit 1; ${empty} of the claims at ${clients} found nothing)`;
  }
  await deleteReportedCalls();
  return rows;
}

/**
 * Claims find customers only inside their campaign's calling hours (09:00–18:00 in the campaign's time zone in the
 * generated data): a run at night timed empty claims and no reports. For the voice phase the organization's campaigns
 * move to the fixed-offset zone where it is now about noon; their schedules are put back afterwards.
 */
async function withCallingHours<T>(orgId: string, run: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string; config_json: unknown }>(`SELECT id, config_json FROM schedule_config WHERE organization_id = $1`, [orgId]);
  const offset = ((12 - new Date().getUTCHours() + 36) % 24) - 12;
  const zone = offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`; // Etc/GMT-10 is UTC+10
  try {
    await client.query(`UPDATE schedule_config SET config_json = jsonb_set(config_json, '{timezone}', to_jsonb($2::text)) WHERE organization_id = $1`, [orgId, zone]);
    return await run();
  } finally {
    for (const row of rows) await client.query(`UPDATE schedule_config SET config_json = $2 WHERE id = $1`, [row.id, JSON.stringify(row.config_json)]);
    await client.end();
  }
}

/**
 * The reports above are the organization's newest calls; left in place, every run would add a few hundred calls that
 * a newest-first transcript search walks past (3,230 had piled up by 2026-11-26 and doubled the common word's SQL).
 * Their transcripts go with them (cascade); the credits they debited stay debited.
 */
async function deleteReportedCalls(): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`DELETE FROM "call" WHERE external_id LIKE 'bench-%'`);
    console.log(`  deleted the ${rowCount} calls the benchmark reported`);
  } finally {
    await client.end();
  }
}

/** Streams a 100 MB WAV to PUT /api/v1/calls/{id}/audio and records how much the server grows meanwhile. */
async function audioUploadMemory(base: string, key: string, callId: string, watch: MemoryWatch): Promise<string> {
  const size = 100 * 1024 * 1024 - 1024;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(size - 8, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(size - 44, 40);
  const chunk = Buffer.alloc(1024 * 1024);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(header);
        sent += header.length;
        return;
      }
      if (sent >= size) return controller.close();
      const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
      controller.enqueue(part);
      sent += part.length;
    },
  });
  const before = watch.rssKb();
  watch.resetPeak();
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/calls/${callId}/audio`, {
    method: "PUT",
    headers: { authorization: `Bearer ${key}`, "content-type": "audio/wav", "content-length": String(size) },
    body,
    duplex: "half",
  } as RequestInit);
  const text = await response.text();
  const seconds = (performance.now() - started) / 1000;
  if (!response.ok) return `Audio upload of 100 MB failed: HTTP ${response.status} ${text.slice(0, 300)}`;
  const growth = (watch.peakKb - before) / 1024;
  return `Audio upload of ${(size / 2 ** 20).toFixed(0)} MB (WAV, streamed) in ${seconds.toFixed(1)} s: server RSS ${(before / 1024).toFixed(0)} MB before, peak ${(watch.peakKb / 1024).toFixed(0)} MB during (growth ${growth.toFixed(0)} MB; target ≤ 100 MB ${growth <= 100 ? "met" : "MISSED"}).`;
}

async function main(): Promise<void> {
  const started = new Date();
  const direct = new pg.Client({ connectionString: databaseUrl });
  await direct.connect();
  const f = await fixtures(direct);
  const counts = (
    await direct.query<{ relname: string; n: string }>(
      // The planner's row counts (kept by ANALYZE; the statistics collector's counters restart with a crash recovery).
      `SELECT relname, greatest(reltuples, 0)::bigint::text AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname IN ('call','transcript','service_record','booking','audit_log','credit_transaction') ORDER BY relname`,
    )
  ).rows;
  const [{ size }] = (await direct.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)).rows as [{ size: string }];
  await direct.end();

  // The app's router in this process (the same code as the build), for the SQL capture.
  process.env.DATABASE_URL = databaseUrl;
  const { appRouter } = await import("../server/api/root");
  const { createCallerFactory } = await import("../server/api/trpc");
  const { connectionOptions, prismaForUrl } = await import("../server/db");
  const db = prismaForUrl(databaseUrl!);
  const caller = createCallerFactory(appRouter)({ db, session: { userId: f.userId, sessionVersion: 0 } });
  const callProcedure = (procedure: string, input: unknown) => {
    const [router, name] = procedure.split(".") as [string, string];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (caller as any)[router][name](input) as Promise<unknown>;
  };
  // The replay connects as the app does (server/db.ts), so both run the statements under the same settings.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8, options: connectionOptions });

  const server = await startServer();
  const watch = new MemoryWatch(server.pid);
  watch.start();
  const rows: Row[] = [];
  let memoryNote = "";
  try {
    const cookie = await signIn(server.base, email, password);
    const ops = memoryOnly ? [] : operations(f).filter((op) => !only || op.name.startsWith(only) || op.procedure === only);
    for (const op of ops) {
      console.log(`\n${op.name}`);
      const url = op.page ? `${server.base}${op.page}` : trpcUrl(server.base, op.procedure!, op.input);
      const httpOnce = async () => {
        await fetchOk(url, { headers: { cookie } });
      };
      let statements: Statement[] = [];
      if (op.procedure) {
        statements = await captureSql(callProcedure, op);
        console.log(`  ${statements.length} SQL statements`);
      }
      // Warm both paths (plans, caches, JIT) before measuring.
      const warmStarted = performance.now();
      for (let i = 0; i < 3; i += 1) await httpOnce();
      const slow = (performance.now() - warmStarted) / 3 > slowMs;
      for (let i = 0; i < (slow ? 0 : 7); i += 1) await httpOnce();
      if (op.procedure) for (let i = 0; i < (slow ? 1 : 5); i += 1) await replay(pool, statements);
      // An operation slower than slowMs gets slowRequests requests, so that a run finishes in minutes.
      const count = slow ? Math.min(requestCount, slowRequests) : requestCount;
      const row: Row = { name: slow ? `${op.name} (slow: ${count} requests)` : op.name, statements: statements.length, http: {}, sql: op.procedure ? {} : null };
      for (const clients of concurrencies) {
        row.http[clients] = await measure(count, clients, httpOnce);
        if (row.sql) row.sql[clients] = await measure(count, clients, () => replay(pool, statements));
        const http = row.http[clients]!;
        const sql = row.sql?.[clients];
        console.log(`  ${clients} client(s): HTTP p50 ${fmt(http.p50)} p95 ${fmt(http.p95)} p99 ${fmt(http.p99)} ms${sql ? ` | SQL p50 ${fmt(sql.p50)} p95 ${fmt(sql.p95)} p99 ${fmt(sql.p99)} ms | ratio ${(http.p95 / sql.p95).toFixed(2)}` : ""}${http.errors ? ` | ${http.errors} errors` : ""}`);
      }
      rows.push(row);
    }
    let apiKey: string | null = null;
    if (fs.existsSync("/work/notes/voice-api-status.md") || fs.existsSync(path.join(projectDir, "app/api/v1"))) {
      if (!only || only.startsWith("voice")) {
        console.log("\nvoice API");
        apiKey = await createApiKey(f.orgId);
        const key = apiKey;
        rows.push(...(await withCallingHours(f.orgId, () => voiceApi(server.base, key))));
      } else if (only === "memory") apiKey = await createApiKey(f.orgId);
    }
    const peakDuringBench = Math.max(watch.peakKb, watch.rssKb());
    if ((!only || memoryOnly) && !argv.includes("--no-memory")) {
      console.log("\nCSV import memory");
      memoryNote = await csvImportMemory(server.base, cookie, watch);
      await deleteImportedRecords(f.orgId);
      console.log(`  ${memoryNote}`);
      if (apiKey && only !== "csv") {
        const audio = await audioUploadMemory(server.base, apiKey, f.callId, watch);
        console.log(`  ${audio}`);
        memoryNote += `\n\n${audio}`;
      }
    }
    const peak = Math.max(peakDuringBench, watch.peakKb, watch.hwmKb());
    const report = [
      `Run ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${(await pgVersion()) ?? "PostgreSQL"}; machine shared with other work (load average at start ${os.loadavg()[0]!.toFixed(1)}).`,
      `Data: database ${size}; ${counts.map((row) => `${row.relname} ${Number(row.n).toLocaleString("en-US")}`).join(", ")}. Signed in as ${email}.`,
      `${requestCount} requests per operation and concurrency, after 10 warm-up requests (operations slower than ${slowMs} ms: ${slowRequests} requests after 3). Milliseconds. "SQL" replays the statements the operation sent (captured from the app's own code in the same run) one after the other on one pooled pg connection; ratio = HTTP p95 / SQL p95; "added" = HTTP p95 − SQL p95.`,
      "",
      table(rows),
      "",
      `App server peak resident memory (RSS, the server process and its children, polled every 50 ms, and VmHWM): ${(peak / 1024).toFixed(0)} MB (target < 600 MB: ${peak / 1024 < 600 ? "met" : "MISSED"}); during the timed operations alone: ${(peakDuringBench / 1024).toFixed(0)} MB.`,
      memoryNote ? `\n${memoryNote}` : "",
    ].join("\n");
    if (!only) replaceSection(path.join(projectDir, "docs/benchmarks.md"), "bench", report);
    console.log(`\n${report}`);
  } finally {
    watch.stop();
    await server.stop();
    await pool.end();
    await db.$disconnect();
  }
}

async function pgVersion(): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ version }] = (await client.query<{ version: string }>("SHOW server_version")).rows.map((row) => ({ version: (row as unknown as { server_version: string }).server_version })) as [{ version: string }];
    return `PostgreSQL ${version}`;
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
