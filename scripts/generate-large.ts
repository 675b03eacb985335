// npm run db:generate-large -- --orgs 3 --calls 1000000 --turns 10 [--reset] [--search-vectors trigger|update] [--seed 42]
//
// Fills the database (DATABASE_URL, or the embedded one in PGLITE_DIR) with realistic, deterministic data at
// scale: one big organization (--calls calls, about --turns transcript turns per call, calls/10 service records,
// bookings, as many audit rows as calls) and --orgs - 1 small ones (1% of the big one each).
// Rows are streamed with COPY FROM STDIN (one connection per table, in parallel); on PostgreSQL the secondary
// indexes and foreign keys of the loaded tables are dropped first and rebuilt after the load, which is several
// times faster than maintaining them row by row. Generator memory stays small: only the service records'
// names and phones are kept (calls refer to them).
import { once } from "node:events";
import type { Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { PGlite } from "@electric-sql/pglite";
import { openPglite, pgliteDir } from "../server/db";
import { hashPassword } from "../server/auth/password";
import { firstNames, lastNames, feedbackByRating } from "../prisma/seed/people";
import { Random } from "../prisma/seed/random";
import { replaceSection } from "./benchmarks-doc.mjs";

// ---------------------------------------------------------------------------------------------
// Options

type Options = { orgs: number; calls: number; turns: number; reset: boolean; searchVectors: "trigger" | "update"; seed: number };

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const int = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw.replace(/_/g, ""));
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number`);
    return parsed;
  };
  const searchVectors = value("search-vectors") ?? "trigger";
  if (searchVectors !== "trigger" && searchVectors !== "update") throw new Error("--search-vectors is trigger or update");
  return {
    orgs: Math.max(1, int("orgs", 3)),
    calls: int("calls", process.env.DATABASE_URL ? 1_000_000 : 20_000),
    turns: Math.max(1, int("turns", 10)),
    reset: argv.includes("--reset"),
    searchVectors,
    seed: int("seed", 20261125),
  };
}

export const demoPassword = "demo-password";
const dayMs = 86_400_000;
const timeZone = "America/New_York";

// ---------------------------------------------------------------------------------------------
// COPY text format

type Cell = string | number | bigint | boolean | Date | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

const line = (cells: Cell[]) => `${cells.map(cell).join("\t")}\n`;

// ---------------------------------------------------------------------------------------------
// Sinks: a PostgreSQL server (COPY FROM STDIN on its own connection per table) or PGlite (COPY from a blob).

interface TableWriter {
  rows: number;
  write(cells: Cell[]): Promise<void> | void;
}

interface Target {
  kind: "postgresql" | "pglite";
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Opens COPY writers for these tables; `finish` ends them all. Tables are listed parents first. */
  copy(tables: { table: string; columns: string[] }[]): Promise<{ writers: TableWriter[]; finish: () => Promise<void> }>;
  close(): Promise<void>;
}

const chunkBytes = 1 << 18;

class StreamWriter implements TableWriter {
  rows = 0;
  private buffer = "";
  constructor(private readonly stream: Writable) {}

  write(cells: Cell[]): Promise<void> | void {
    this.rows += 1;
    this.buffer += line(cells);
    if (this.buffer.length < chunkBytes) return;
    const chunk = this.buffer;
    this.buffer = "";
    if (!this.stream.write(chunk)) return once(this.stream, "drain").then(() => undefined);
  }

  async end(): Promise<void> {
    if (this.buffer) this.stream.write(this.buffer);
    this.buffer = "";
    const done = new Promise<void>((resolve, reject) => {
      this.stream.once("finish", resolve);
      this.stream.once("error", reject);
    });
    this.stream.end();
    await done;
  }
}

async function postgresTarget(url: string): Promise<Target> {
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("SET synchronous_commit = off");
    return client;
  };
  const main = await connect();
  return {
    kind: "postgresql",
    query: async <Row>(sql: string, params: unknown[] = []) => (await main.query(sql, params)).rows as Row[],
    async copy(tables) {
      const clients = await Promise.all(tables.map(() => connect()));
      const writers = tables.map(({ table, columns }, index) => {
        const stream = clients[index]!.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
        return new StreamWriter(stream);
      });
      return {
        writers,
        finish: async () => {
          try {
            await Promise.all(writers.map((writer) => writer.end()));
          } finally {
            await Promise.all(clients.map((client) => client.end()));
          }
        },
      };
    },
    close: () => main.end(),
  };
}

class BlobWriter implements TableWriter {
  rows = 0;
  buffer: string[] = [];
  size = 0;
  constructor(
    readonly table: string,
    readonly columns: string[],
    private readonly flushAll: () => Promise<void>,
  ) {}

  write(cells: Cell[]): Promise<void> | void {
    this.rows += 1;
    const text = line(cells);
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= chunkBytes * 8) return this.flushAll();
  }
}

async function pgliteTarget(pglite: PGlite, close: () => Promise<void>): Promise<Target> {
  const flush = async (writer: BlobWriter) => {
    if (!writer.buffer.length) return;
    const blob = new Blob(writer.buffer);
    writer.buffer = [];
    writer.size = 0;
    await pglite.query(`COPY "${writer.table}" (${writer.columns.map((c) => `"${c}"`).join(", ")}) FROM '/dev/blob'`, [], { blob });
  };
  return {
    kind: "pglite",
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
    async copy(tables) {
      const writers: BlobWriter[] = [];
      // Foreign keys stay in place here: flush every table, parents first, whenever one buffer is full.
      const flushAll = async () => {
        for (const writer of writers) await flush(writer);
      };
      for (const { table, columns } of tables) writers.push(new BlobWriter(table, columns, flushAll));
      return { writers, finish: flushAll };
    },
    close,
  };
}

// ---------------------------------------------------------------------------------------------
// Progress

class Progress {
  private started = Date.now();
  private lastPrint = 0;
  private rows = 0;
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(done: number, rows: number): void {
    this.rows = rows;
    const now = Date.now();
    if (now - this.lastPrint < (process.stderr.isTTY ? 200 : 5000) && done < this.total) return;
    this.lastPrint = now;
    const fraction = this.total ? done / this.total : 1;
    const width = 30;
    const bar = "#".repeat(Math.round(fraction * width)).padEnd(width, ".");
    const seconds = (now - this.started) / 1000;
    const rate = Math.round(rows / Math.max(seconds, 0.001));
    const text = `${this.label.padEnd(14)} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString("en-US")}/${this.total.toLocaleString("en-US")} · ${rows.toLocaleString("en-US")} rows · ${rate.toLocaleString("en-US")} rows/s · ${seconds.toFixed(0)}s`;
    process.stderr.write(process.stderr.isTTY ? `\r${text}` : `${text}\n`);
  }

  done(rows = this.rows): number {
    const seconds = (Date.now() - this.started) / 1000;
    this.lastPrint = 0;
    this.tick(this.total, rows);
    if (process.stderr.isTTY) process.stderr.write("\n");
    return seconds;
  }
}

const timings: { phase: string; seconds: number; rows?: number }[] = [];

async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  const seconds = (Date.now() - started) / 1000;
  timings.push({ phase, seconds });
  console.log(`  ${phase}: ${seconds.toFixed(1)}s`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const areaCodes = ["212", "213", "305", "312", "404", "415", "469", "503", "512", "602", "617", "702", "713", "720", "786", "818", "832", "917", "949", "973"];
const vehicles = [
  ["Toyota", "Camry"], ["Toyota", "RAV4"], ["Toyota", "Corolla"], ["Honda", "Civic"], ["Honda", "CR-V"], ["Honda", "Accord"],
  ["Ford", "F-150"], ["Ford", "Escape"], ["Ford", "Explorer"], ["Chevrolet", "Silverado"], ["Chevrolet", "Equinox"], ["Nissan", "Altima"],
  ["Nissan", "Rogue"], ["Hyundai", "Tucson"], ["Hyundai", "Elantra"], ["Kia", "Sportage"], ["Subaru", "Outback"], ["Jeep", "Grand Cherokee"],
  ["Mazda", "CX-5"], ["Volkswagen", "Jetta"], ["BMW", "X3"], ["Tesla", "Model 3"], ["Ram", "1500"], ["GMC", "Sierra"],
] as const;
const serviceTypes = ["Oil change", "Tire rotation", "Brake service", "State inspection", "Recall repair", "Battery replacement", "Wheel alignment", "30k mile service", "Transmission service", "A/C service"];
const callStatusWeights = [["completed", 45], ["no_answer", 24], ["voicemail", 16], ["busy", 7], ["failed", 5], ["in_progress", 1], ["ringing", 1], ["queued", 1]] as const;
const outcomeWeights = [["booked", 26], ["callback", 18], ["not_interested", 24], ["wrong_number", 5], ["do_not_call", 3], ["other", 24]] as const;
const recordStatusWeights = [["Scheduled", 30], ["Contacted", 25], ["Booked", 15], ["Completed", 18], ["Declined", 6], ["NoShow", 3], ["Cancelled", 3]] as const;
const campaignTypes = ["service_reminder", "recall", "declined_service", "appointment_confirmation", "custom"] as const;
const agentNames = ["Ava", "Max", "Luna", "Leo", "Nova", "Ezra"];
const tagNames = ["Follow up", "Upset customer", "Great call", "Pricing question", "Loaner request", "Spanish speaker", "Escalated", "Training example", "Audio issue", "VIP"];
const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const advisors = ["Mike", "Sarah", "Dave", "Rosa", "Tom", "Priya", "Jamal", "Erin"];
const parts = ["brake pads", "rotors", "cabin air filter", "engine air filter", "wiper blades", "spark plugs", "serpentine belt", "coolant", "battery terminals", "tie rod ends", "wheel bearing", "struts"];
// Rare phrases (a few hundred and a few dozen turns at a million calls): what the benchmark's rare search looks for.
const rarePhrases = [
  [1 / 5000, "Also, is the catalytic converter covered under the extended warranty?"],
  [1 / 50000, "My mechanic mentioned the harmonic balancer is wobbling at idle."],
  [1 / 2000, "Can you check the tire pressure monitoring sensor while it's in?"],
] as const;

type Customer = { first: string; last: string; phone: string; vehicle: string; service: string };

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? key);
}

const openings = [
  "Hi, this is {agent}, the virtual assistant at {org}. Am I speaking with {first}?",
  "Good {part}, this is {agent} calling from {org} about your {vehicle}. Is this {first} {last}?",
  "Hello {first}, {agent} here from the service department at {org}. Do you have a minute?",
];
const userReplies = [
  "Yes, this is {first}. What's this about?",
  "Speaking. Is something wrong with my {model}?",
  "Yeah, hi. I was actually meaning to call you guys.",
  "Sure, I have a couple of minutes.",
  "Who is this again?",
];
const reasons = [
  "Our records show your {vehicle} is due for a {service}. Would you like to schedule an appointment?",
  "There's an open recall on your {vehicle}, and the repair is free of charge. Can we book a time for you?",
  "It's been about six months since your last visit, so your {service} is coming up. Shall I find a slot?",
  "We noticed the {part2} were flagged at your last inspection. Would you like us to take care of that?",
];
const userMiddles = [
  "How long would the {service} take? I need the car for work.",
  "What would that cost roughly?",
  "Do you have anything on {day} in the {part}?",
  "Can I get a loaner or a shuttle ride while it's in the shop?",
  "I think the dealer did that already, can you double check?",
  "My wife usually drives it, let me check her schedule.",
  "The check engine light came on last week too, can you look at that?",
  "I'm not sure, I just had the {part2} replaced somewhere else.",
];
const assistantMiddles = [
  "A {service} usually takes about an hour, and you're welcome to wait in our lounge.",
  "The estimate for a {service} on a {vehicle} starts around $89, before any parts.",
  "I have {time} on {day} with {advisor}, or later that afternoon if that works better.",
  "Yes, we offer a free shuttle within ten miles, and loaners can be reserved in advance.",
  "I can add a diagnostic check for the warning light to the same appointment.",
  "No problem, I'll note that on your file so the technician knows.",
];
const closings = [
  "You're all set, {first}. We'll see you on {day} at {time}. Your confirmation code is {code}.",
  "Thanks for your time, {first}. I'll have someone call you back tomorrow.",
  "Understood, I've removed your number from our call list. Have a good day.",
  "Thanks {first}, have a great {part}!",
];
const userClosings = ["Great, thanks.", "Okay, bye.", "Sounds good, see you then.", "Thanks, take care.", "Please don't call me again."];
const voicemails = [
  "Hi {first}, this is {agent} from {org}. Your {vehicle} is due for a {service}. Please call us back at your convenience.",
  "Hello {first}, {agent} from {org} with a quick reminder about your {service}. You can book online or call us back.",
];

function spokenTime(minute: number): string {
  const hour = Math.floor(minute / 60);
  const mins = minute % 60;
  return `${((hour + 11) % 12) + 1}:${String(mins).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
}

// ---------------------------------------------------------------------------------------------
// Calendar: the last 180 days (ending yesterday), in the organization's time zone.

type Day = { start: number; weekday: number; weight: number };

function utcOffsetMs(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(instant / 1000) * 1000;
}

function calendar(now: number, days: number): Day[] {
  const todayUtc = Math.floor((now + utcOffsetMs(now)) / dayMs) * dayMs;
  const result: Day[] = [];
  for (let back = days; back >= 1; back -= 1) {
    const midnightWall = todayUtc - back * dayMs;
    const start = midnightWall - utcOffsetMs(midnightWall + 12 * 3_600_000);
    const weekday = new Date(midnightWall).getUTCDay();
    // Closed on Sundays, half a day on Saturdays; volume grows a little over the period.
    const weight = weekday === 0 ? 0 : (weekday === 6 ? 0.5 : 1) * (0.8 + (0.4 * (days - back)) / days);
    result.push({ start, weekday, weight });
  }
  return result;
}

/** Splits `total` over the days in proportion to their weights (exactly `total` in all). */
function perDay(days: Day[], total: number): number[] {
  const sum = days.reduce((acc, day) => acc + day.weight, 0);
  let carried = 0;
  let given = 0;
  return days.map((day) => {
    carried += (total * day.weight) / sum;
    const count = Math.round(carried) - given;
    given += count;
    return count;
  });
}

// ---------------------------------------------------------------------------------------------
// Deterministic ids

function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Math.floor(random.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type IdCounters = Record<string, bigint>;

async function nextIds(target: Target, tables: string[]): Promise<IdCounters> {
  const counters: IdCounters = {};
  for (const table of tables) {
    const [row] = await target.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM "${table}"`);
    counters[table] = BigInt(row?.max ?? "0") + 1n;
  }
  return counters;
}

// ---------------------------------------------------------------------------------------------
// Index and foreign-key handling (PostgreSQL only)

const loadedTables = ["service_record", "call", "transcript", "booking", "credit_transaction", "call_tag", "audit_log", "inquiry"];

type Ddl = { drop: string; create: string; label: string };

async function secondaryDdl(target: Target): Promise<{ indexes: Ddl[]; foreignKeys: Ddl[] }> {
  const indexes = await target.query<{ name: string; def: string; table: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def, i.tablename AS "table" FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
    [loadedTables],
  );
  const foreignKeys = await target.query<{ name: string; def: string; table: string }>(
    `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def, t.relname AS "table" FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace`,
    [loadedTables],
  );
  return {
    indexes: indexes.map((index) => ({ label: index.name, drop: `DROP INDEX IF EXISTS "${index.name}"`, create: index.def })),
    foreignKeys: foreignKeys.map((fk) => ({
      label: fk.name,
      drop: `ALTER TABLE "${fk.table}" DROP CONSTRAINT IF EXISTS "${fk.name}"`,
      create: `ALTER TABLE "${fk.table}" ADD CONSTRAINT "${fk.name}" ${fk.def}`,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The organizations

type OrgPlan = {
  index: number;
  id: string;
  name: string;
  slug: string;
  calls: number;
  records: number;
  audits: number;
  inquiries: number;
  campaigns: number;
};

type OrgRefs = {
  userIds: bigint[];
  adminId: bigint;
  agentIds: bigint[];
  campaignIds: bigint[];
  campaignStarts: number[];
  tagIds: bigint[];
  /** An Active campaign whose service records (the last `dialQueueRecords`) were never called: work for the dial queue. */
  dialQueueCampaignId: bigint;
  recordFirst: bigint;
  customers: Customer[];
};

const orgNames = ["Metro Auto Group", "Lakeside Honda", "Summit Ford", "Coastal Toyota", "Valley Chevrolet", "Harbor Subaru"];

function planOrgs(options: Options, random: Random): OrgPlan[] {
  return Array.from({ length: options.orgs }, (_, index) => {
    const share = index === 0 ? 1 : 0.01;
    const calls = Math.round(options.calls * share);
    const base = orgNames[index % orgNames.length]!;
    const name = index < orgNames.length ? base : `${base} ${index + 1}`;
    return {
      index,
      id: uuidFrom(random),
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      calls,
      records: Math.max(10, Math.round(calls / 10)),
      audits: calls,
      inquiries: Math.max(5, Math.round(calls / 500)),
      campaigns: Math.max(3, Math.min(60, Math.round(calls / 25_000))),
    };
  });
}

async function createOrganization(target: Target, org: OrgPlan, planId: number, passwordHash: string, now: Date, random: Random): Promise<OrgRefs> {
  const phone = () => `+1${random.pick(areaCodes)}${random.int(200, 999)}${String(random.int(0, 9999)).padStart(4, "0")}`;
  await target.query(
    `INSERT INTO organization (id, name, email, phone_sales, phone_service, description, location, call_concurrency_limit, service_types, plan_id, credit_balance, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $11)`,
    [org.id, org.name, `service@${org.slug}.test`, phone(), phone(), `Generated at scale (${org.calls} calls).`, "Springfield, IL", 1000, serviceTypes, planId, new Date(now.getTime() - 400 * dayMs)],
  );
  await target.query(`INSERT INTO setting (organization_id, key, value) VALUES ($1, 'timezone', $2)`, [org.id, timeZone]);
  const people = [
    { name: `${random.pick(firstNames)} ${random.pick(lastNames)}`, email: `admin@${org.slug}.test`, role: "Admin" },
    ...Array.from({ length: 4 }, (_, i) => ({ name: `${random.pick(firstNames)} ${random.pick(lastNames)}`, email: `manager${i + 1}@${org.slug}.test`, role: "Manager" })),
  ];
  const userIds: bigint[] = [];
  for (const person of people) {
    const [row] = await target.query<{ id: string }>(
      `INSERT INTO "user" (name, email, password_hash, role, organization_id, created_at, updated_at) VALUES ($1, $2, $3, $4::user_role, $5, $6, $6) RETURNING id::text`,
      [person.name, person.email, passwordHash, person.role, org.id, new Date(now.getTime() - 390 * dayMs)],
    );
    userIds.push(BigInt(row!.id));
  }
  const agentIds: bigint[] = [];
  for (const name of agentNames.slice(0, org.index === 0 ? 6 : 3)) {
    const [row] = await target.query<{ id: string }>(`INSERT INTO agent (organization_id, name, voice, description) VALUES ($1, $2, 'alloy', 'Outbound service reminders') RETURNING id::text`, [org.id, name]);
    agentIds.push(BigInt(row!.id));
  }
  const campaignIds: bigint[] = [];
  const campaignStarts: number[] = [];
  for (let i = 0; i < org.campaigns; i += 1) {
    const type = campaignTypes[i % campaignTypes.length]!;
    const service = serviceTypes[i % serviceTypes.length]!;
    const start = now.getTime() - (185 - Math.floor((180 * i) / org.campaigns)) * dayMs;
    const status = start > now.getTime() - 30 * dayMs ? "Active" : random.pick(["Completed", "Completed", "Active", "Paused", "Archived"]);
    const [row] = await target.query<{ id: string }>(
      `INSERT INTO campaign (name, description, organization_id, status, type, created_by, modified_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $7) RETURNING id::text`,
      [`${service} ${type.replace(/_/g, " ")} #${i + 1}`, `Calls customers due for ${service.toLowerCase()}.`, org.id, status, type, userIds[0], new Date(start)],
    );
    campaignIds.push(BigInt(row!.id));
    campaignStarts.push(start);
    const windows = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [{ start: "09:00", end: "18:00" }]]));
    const config = { version: 1, timezone: timeZone, startDate: new Date(start).toISOString().slice(0, 10), windows, maxAttempts: 10, retryDelayMinutes: 60, concurrency: 50 };
    await target.query(`INSERT INTO schedule_config (organization_id, campaign_id, config_json) VALUES ($1, $2, $3)`, [org.id, row!.id, JSON.stringify(config)]);
  }
  const tagIds: bigint[] = [];
  for (const name of tagNames) {
    const [row] = await target.query<{ id: string }>(`INSERT INTO tag (organization_id, name, name_key, created_by) VALUES ($1, $2, $3, $4) RETURNING id::text`, [org.id, name, name.toLowerCase(), userIds[0]]);
    tagIds.push(BigInt(row!.id));
  }
  const [queue] = await target.query<{ id: string }>(
    `INSERT INTO campaign (name, description, organization_id, status, type, created_by, modified_by) VALUES ('Dial queue (benchmark)', 'Never-called customers for the dial-queue benchmark.', $1, 'Active', 'service_reminder', $2, $2) RETURNING id::text`,
    [org.id, userIds[0]],
  );
  const allDay = [{ start: "08:00", end: "21:00" }]; // the widest window the schedule rules allow
  const everyDay = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, allDay]));
  const queueConfig = { version: 1, timezone: timeZone, startDate: new Date(now.getTime() - 30 * dayMs).toISOString().slice(0, 10), windows: everyDay, maxAttempts: 3, retryDelayMinutes: 60, concurrency: 100 };
  await target.query(`INSERT INTO schedule_config (organization_id, campaign_id, config_json) VALUES ($1, $2, $3)`, [org.id, queue!.id, JSON.stringify(queueConfig)]);
  return { userIds, adminId: userIds[0]!, agentIds, campaignIds, campaignStarts, tagIds, dialQueueCampaignId: BigInt(queue!.id), recordFirst: 0n, customers: [] };
}

// ---------------------------------------------------------------------------------------------
// Streams

/** Service records kept for the dial-queue benchmark (never called, do-not-call off). */
const dialQueueRecords = (org: OrgPlan) => Math.min(5000, Math.floor(org.records / 20));

function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  return random.weighted(entries);
}

const serviceRecordColumns = ["id", "organization_id", "campaign_id", "customer_name", "customer_phone", "vehicle_info", "service_type", "status", "appointment_date", "feedback", "rating", "do_not_call", "created_by", "modified_by", "created_at", "updated_at"];

async function loadServiceRecords(target: Target, orgs: OrgPlan[], refs: OrgRefs[], ids: IdCounters, random: Random, now: number): Promise<number> {
  const total = orgs.reduce((sum, org) => sum + org.records, 0);
  const progress = new Progress("service_record", total);
  const { writers, finish } = await target.copy([{ table: "service_record", columns: serviceRecordColumns }]);
  const writer = writers[0]!;
  let done = 0;
  for (const org of orgs) {
    const ref = refs[org.index]!;
    ref.recordFirst = ids.service_record!;
    for (let i = 0; i < org.records; i += 1) {
      const id = ids.service_record!;
      ids.service_record! += 1n;
      const [make, model] = random.pick(vehicles);
      const customer: Customer = {
        first: random.pick(firstNames),
        last: random.pick(lastNames),
        phone: `+1${random.pick(areaCodes)}${random.int(200, 999)}${String(random.int(0, 9999)).padStart(4, "0")}`,
        vehicle: `${random.int(2012, 2026)} ${make} ${model}`,
        service: random.pick(serviceTypes),
      };
      ref.customers.push(customer);
      const createdAt = now - 365 * dayMs + Math.floor((i / org.records) * 300 * dayMs) + random.int(0, 3_600_000);
      const status = i >= org.records - dialQueueRecords(org) ? "Scheduled" : weighted(random, recordStatusWeights);
      const rating = status === "Completed" && random.chance(0.4) ? weighted(random, [[5, 50], [4, 28], [3, 12], [2, 6], [1, 4]] as const) : null;
      const appointment = ["Booked", "Completed", "NoShow"].includes(status) ? createdAt + random.int(20, 120) * dayMs : null;
      const updatedAt = Math.min(now - random.int(1, 60) * 60_000, Math.max(createdAt, appointment ?? createdAt) + random.int(0, 2) * dayMs);
      const inDialQueue = i >= org.records - dialQueueRecords(org);
      await writer.write([
        id, org.id, inDialQueue ? ref.dialQueueCampaignId : random.chance(0.8) ? random.pick(ref.campaignIds) : null, `${customer.first} ${customer.last}`, customer.phone, customer.vehicle, customer.service,
        status, appointment === null ? null : new Date(appointment), rating === null ? null : random.pick(feedbackByRating[rating]!), rating, !inDialQueue && random.chance(0.02),
        ref.adminId, random.pick(ref.userIds), new Date(createdAt), new Date(updatedAt),
      ]);
      done += 1;
      if ((done & 1023) === 0) progress.tick(done, done);
    }
  }
  await finish();
  timings.push({ phase: "copy service_record", seconds: progress.done(total), rows: total });
  return total;
}

type CallTables = { call: TableWriter; transcript: TableWriter; booking: TableWriter; credit: TableWriter; callTag: TableWriter };

const callColumns = ["id", "organization_id", "service_record_id", "campaign_id", "agent_id", "customer_number", "direction", "start_time", "end_time", "duration_sec", "status", "external_id", "outcome", "reviewed_at", "reviewed_by", "review_notes", "created_at", "updated_at"];
const transcriptColumns = ["id", "call_id", "organization_id", "role", "content", "timestamp"];
const bookingColumns = ["id", "organization_id", "campaign_id", "service_record_id", "call_id", "scheduled_time", "status", "created_by", "modified_by", "created_at", "updated_at"];
const creditColumns = ["id", "organization_id", "amount", "balance_after", "kind", "reason", "call_id", "user_id", "created_at"];
const callTagColumns = ["call_id", "tag_id", "created_at"];

const cents = (value: number) => `${value < 0 ? "-" : ""}${Math.floor(Math.abs(value) / 100)}.${String(Math.abs(value) % 100).padStart(2, "0")}`;

function turnsOf(random: Random, count: number, slots: Record<string, string>, outcome: string | null): { role: string; content: string }[] {
  const turns: { role: string; content: string }[] = [{ role: "Assistant", content: fill(random.pick(openings), slots) }, { role: "User", content: fill(random.pick(userReplies), slots) }, { role: "Assistant", content: fill(random.pick(reasons), slots) }];
  while (turns.length < count - 2) {
    if (outcome === "booked" && turns.length === count - 4) {
      turns.push({ role: "Tool", content: JSON.stringify({ tool: "check_availability", arguments: { date: slots.date }, result: { slots: [slots.time, "2:30 PM", "4:00 PM"] } }) });
      continue;
    }
    let text = fill(random.pick(userMiddles), slots);
    for (const [chance, phrase] of rarePhrases) if (random.chance(chance)) text = `${text} ${phrase}`;
    turns.push({ role: "User", content: text });
    if (turns.length < count - 2) turns.push({ role: "Assistant", content: fill(random.pick(assistantMiddles), slots) });
  }
  const closing = outcome === "booked" ? closings[0]! : outcome === "callback" ? closings[1]! : outcome === "do_not_call" ? closings[2]! : closings[3]!;
  turns.push({ role: "Assistant", content: fill(closing, slots) });
  turns.push({ role: "User", content: outcome === "do_not_call" ? userClosings[4]! : random.pick(userClosings.slice(0, 4)) });
  return turns.slice(0, count);
}

async function loadCalls(target: Target, orgs: OrgPlan[], refs: OrgRefs[], ids: IdCounters, random: Random, now: number, turnsPerCall: number): Promise<Record<string, number>> {
  const total = orgs.reduce((sum, org) => sum + org.calls, 0);
  const progress = new Progress("calls", total);
  const { writers, finish } = await target.copy([
    { table: "call", columns: callColumns },
    { table: "transcript", columns: transcriptColumns },
    { table: "booking", columns: bookingColumns },
    { table: "credit_transaction", columns: creditColumns },
    { table: "call_tag", columns: callTagColumns },
  ]);
  const [callWriter, transcriptWriter, bookingWriter, creditWriter, tagWriter] = writers as [TableWriter, TableWriter, TableWriter, TableWriter, TableWriter];
  const tables: CallTables = { call: callWriter, transcript: transcriptWriter, booking: bookingWriter, credit: creditWriter, callTag: tagWriter };
  const days = calendar(now, 180);
  // Turns per connected call, so that all calls average about `turnsPerCall` (voicemails have one).
  const connectedTurns = Math.max(4, Math.round((turnsPerCall - 0.16) / 0.45));
  let done = 0;
  const rows = () => Object.values(tables).reduce((sum, writer) => sum + writer.rows, 0);
  for (const org of orgs) {
    const ref = refs[org.index]!;
    let balance = 100_000_000; // cents: the opening credit (enough that the dial queue is never blocked)
    await tables.credit.write([ids.credit_transaction!, org.id, cents(balance), cents(balance), "manual", "Opening balance", null, ref.adminId, new Date(now - 200 * dayMs)]);
    ids.credit_transaction! += 1n;
    const counts = perDay(days, org.calls);
    for (let d = 0; d < days.length; d += 1) {
      const day = days[d]!;
      const count = counts[d]!;
      if (!count) continue;
      const open = 9 * 60;
      const close = day.weekday === 6 ? 13 * 60 : 18 * 60;
      const starts = Array.from({ length: count }, () => day.start + (open + random.next() * (close - open)) * 60_000).sort((a, b) => a - b);
      for (const startMs of starts) {
        const id = ids.call!;
        ids.call! += 1n;
        const recordOffset = random.int(0, org.records - dialQueueRecords(org) - 1);
        const customer = ref.customers[recordOffset]!;
        const recordId = ref.recordFirst + BigInt(recordOffset);
        const campaignIndex = ref.campaignStarts.findLastIndex((start) => start <= startMs);
        const campaignId = campaignIndex >= 0 && random.chance(0.75) ? ref.campaignIds[Math.max(0, campaignIndex - random.int(0, 2))]! : null;
        const inbound = random.chance(0.12);
        const recent = now - startMs < dayMs * 1.5;
        let status: string = weighted(random, callStatusWeights);
        if (!recent && (status === "in_progress" || status === "ringing" || status === "queued")) status = "completed";
        const connected = status === "completed";
        const outcome = connected ? weighted(random, outcomeWeights) : status === "voicemail" ? "voicemail" : null;
        const duration = connected ? Math.round(45 + Math.exp(random.next() * 2.2 + 3.4)) : status === "voicemail" ? random.int(18, 40) : status === "in_progress" ? null : 0;
        const endMs = duration === null ? null : startMs + duration * 1000;
        const reviewed = connected && random.chance(0.12) ? endMs! + random.int(1, 72) * 3_600_000 : null;
        const reviewedAt = reviewed !== null && reviewed < now ? reviewed : null;
        await tables.call.write([
          id, org.id, recordId, campaignId, random.pick(ref.agentIds), customer.phone, inbound ? "inbound" : "outbound", new Date(startMs), endMs === null ? null : new Date(endMs), duration, status,
          `gen-${org.index}-${id}`, outcome, reviewedAt === null ? null : new Date(reviewedAt), reviewedAt === null ? null : random.pick(ref.userIds),
          reviewedAt !== null && random.chance(0.4) ? "Reviewed: agent followed the script." : null, new Date(startMs), new Date(endMs ?? startMs),
        ]);
        // Transcript
        const slotDay = startMs + random.int(1, 10) * dayMs;
        const slotMinute = random.pick([8 * 60, 9 * 60 + 30, 11 * 60, 13 * 60, 14 * 60 + 30, 16 * 60]);
        const [make, ...modelParts] = customer.vehicle.split(" ").slice(1);
        const slots = {
          agent: "Ava", org: org.name, first: customer.first, last: customer.last, vehicle: customer.vehicle, model: `${make} ${modelParts.join(" ")}`, service: customer.service.toLowerCase(),
          part: random.pick(["morning", "afternoon"]), part2: random.pick(parts), day: weekdays[new Date(slotDay).getUTCDay()]!, time: spokenTime(slotMinute), advisor: random.pick(advisors),
          code: `AP-${String(random.int(0, 999_999)).padStart(6, "0")}`, date: new Date(slotDay).toISOString().slice(0, 10),
        };
        const turns = connected ? turnsOf(random, connectedTurns + random.int(-3, 3), slots, outcome) : status === "voicemail" ? [{ role: "Assistant", content: fill(random.pick(voicemails), slots) }] : [];
        const span = (duration ?? 60) * 1000;
        for (let t = 0; t < turns.length; t += 1) {
          const turn = turns[t]!;
          await tables.transcript.write([ids.transcript!, id, org.id, turn.role, turn.content, new Date(startMs + Math.floor((span * t) / turns.length))]);
          ids.transcript! += 1n;
        }
        // Booking, credits, tags
        if (outcome === "booked") {
          const scheduled = Math.floor(slotDay / dayMs) * dayMs + (slotMinute + 300) * 60_000;
          const bookingStatus = scheduled > now ? weighted(random, [["Pending", 40], ["Confirmed", 55], ["Cancelled", 5]] as const) : weighted(random, [["Completed", 78], ["NoShow", 10], ["Cancelled", 12]] as const);
          await tables.booking.write([ids.booking!, org.id, campaignId, recordId, id, new Date(scheduled), bookingStatus, ref.adminId, ref.adminId, new Date(endMs!), new Date(Math.min(now, Math.max(endMs!, scheduled)))]);
          ids.booking! += 1n;
        }
        if (connected) {
          const debit = Math.ceil(duration! / 60) * 12;
          balance -= debit;
          await tables.credit.write([ids.credit_transaction!, org.id, cents(-debit), cents(balance), "call_debit", null, id, null, new Date(endMs!)]);
          ids.credit_transaction! += 1n;
          if (random.chance(0.06)) await tables.callTag.write([id, random.pick(ref.tagIds), new Date(endMs! + 3_600_000)]);
        }
        done += 1;
        if ((done & 1023) === 0) progress.tick(done, rows());
      }
    }
    await target.query(`UPDATE organization SET credit_balance = $2 WHERE id = $1`, [org.id, cents(balance)]);
  }
  await finish();
  const seconds = progress.done(rows());
  const result = { call: callWriter.rows, transcript: transcriptWriter.rows, booking: bookingWriter.rows, credit_transaction: creditWriter.rows, call_tag: tagWriter.rows };
  timings.push({ phase: "copy call + transcript + booking + credit_transaction + call_tag", seconds, rows: rows() });
  return result;
}

const auditColumns = ["id", "organization_id", "user_id", "entity", "entity_id", "action", "timestamp", "old_value", "new_value"];
const inquiryColumns = ["organization_id", "customer_name", "email", "phone", "message", "status", "created_at", "updated_at"];
const inquiryMessages = ["Do you service hybrids?", "I'd like a quote for new tires.", "Can I reschedule my appointment to next week?", "Is the recall repair really free?", "What are your Saturday hours?"];

async function loadAuditAndInquiries(target: Target, orgs: OrgPlan[], refs: OrgRefs[], ids: IdCounters, random: Random, now: number): Promise<Record<string, number>> {
  const total = orgs.reduce((sum, org) => sum + org.audits, 0);
  const progress = new Progress("audit_log", total);
  const { writers, finish } = await target.copy([
    { table: "audit_log", columns: auditColumns },
    { table: "inquiry", columns: inquiryColumns },
  ]);
  const [audit, inquiry] = writers as [TableWriter, TableWriter];
  let done = 0;
  for (const org of orgs) {
    const ref = refs[org.index]!;
    const days = calendar(now, 180);
    const counts = perDay(days, org.audits);
    for (let d = 0; d < days.length; d += 1) {
      const day = days[d]!;
      const stamps = Array.from({ length: counts[d]! }, () => day.start + (8 * 60 + random.next() * 11 * 60) * 60_000).sort((a, b) => a - b);
      for (const stamp of stamps) {
        const kind = random.int(0, 99);
        const userId = random.pick(ref.userIds);
        const recordId = ref.recordFirst + BigInt(random.int(0, org.records - 1));
        let row: Cell[];
        if (kind < 40) row = [userId, "call", String(random.int(1, 1_000_000)), "view", null, '{"viewed": "transcript"}'];
        else if (kind < 65) {
          const [from, to] = random.pick([["Scheduled", "Contacted"], ["Contacted", "Booked"], ["Booked", "Completed"], ["Scheduled", "Declined"]] as const);
          row = [userId, "service_record", String(recordId), "update", JSON.stringify({ status: from }), JSON.stringify({ status: to })];
        } else if (kind < 80) row = [userId, "user", String(userId), "login", null, null];
        else if (kind < 90) row = [userId, "booking", String(random.int(1, 100_000)), "create", null, JSON.stringify({ status: "Pending", scheduledTime: new Date(stamp + 3 * dayMs).toISOString() })];
        else if (kind < 97) row = [userId, "call", String(random.int(1, 1_000_000)), "update", JSON.stringify({ reviewedAt: null }), JSON.stringify({ reviewedAt: new Date(stamp).toISOString(), outcome: "booked" })];
        else row = [userId, "campaign", String(random.pick(ref.campaignIds)), "update", JSON.stringify({ status: "Active" }), JSON.stringify({ status: "Paused" })];
        await audit.write([ids.audit_log!, org.id, row[0], row[1], row[2], row[3], new Date(stamp), row[4], row[5]]);
        ids.audit_log! += 1n;
        done += 1;
        if ((done & 4095) === 0) progress.tick(done, done);
      }
    }
    for (let i = 0; i < org.inquiries; i += 1) {
      const created = now - Math.floor(((org.inquiries - i) / org.inquiries) * 180 * dayMs);
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      await inquiry.write([org.id, `${first} ${last}`, `${first}.${last}@example.com`.toLowerCase().replace(/'/g, ""), `+1${random.pick(areaCodes)}${random.int(200, 999)}${String(random.int(0, 9999)).padStart(4, "0")}`, random.pick(inquiryMessages), now - created > 14 * dayMs ? random.pick(["Resolved", "Closed"]) : random.pick(["New", "InProgress"]), new Date(created), new Date(created)]);
    }
  }
  await finish();
  timings.push({ phase: "copy audit_log + inquiry", seconds: progress.done(audit.rows + inquiry.rows), rows: audit.rows + inquiry.rows });
  return { audit_log: audit.rows, inquiry: inquiry.rows };
}

// ---------------------------------------------------------------------------------------------

function writeReport(run: { seconds: number; size: string; rss: number; counts: Record<string, number>; options: Options }): void {
  const minutes = `${Math.floor(run.seconds / 60)} min ${Math.round(run.seconds % 60)} s`;
  const phases = timings.map((t) => `| ${t.phase} | ${t.seconds.toFixed(1)} | ${t.rows ? Math.round(t.rows / t.seconds).toLocaleString("en-US") : ""} |`).join("\n");
  const tables = Object.entries(run.counts).map(([table, count]) => `| ${table} | ${count.toLocaleString("en-US")} |`).join("\n");
  replaceSection(
    "docs/benchmarks.md",
    "generate",
    `## Data set\n\n\`npm run db:generate-large -- --orgs ${run.options.orgs} --calls ${run.options.calls} --turns ${run.options.turns}\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: **${minutes}**, database ${run.size}, generator peak RSS ${run.rss.toFixed(0)} MB (search vectors: ${run.options.searchVectors}; seed ${run.options.seed}).\n\n| Phase | Seconds | Rows/s |\n|---|---:|---:|\n${phases}\n\n| Table | Rows |\n|---|---:|\n${tables}`,
  );
}

const allTables = [
  "call_tag", "credit_transaction", "booking", "transcript", "audio_file", "call", "service_record", "audit_log", "inquiry", "tag", "schedule_config", "campaign", "agent",
  "kpi_value", "kpi", "payment_history", "dms_integration", "setting", "api_key", "password_token", "user", "organization", "plan",
  "call_daily_stat", "call_daily_total", "call_metric_fact",
];

// The dashboard rollup's triggers (migration call_daily_stats) run per row at commit: a bulk load switches
// them off and rebuilds each organization's rollup in one statement afterwards.
const rollupTriggers = [
  ["call", "call_metrics_call"],
  ["booking", "call_metrics_booking"],
  ["credit_transaction", "call_metrics_credit_transaction"],
  ["service_record", "call_metrics_service_record"],
] as const;

async function setRollupTriggers(target: Target, enabled: boolean): Promise<void> {
  for (const [table, trigger] of rollupTriggers) await target.query(`ALTER TABLE "${table}" ${enabled ? "ENABLE" : "DISABLE"} TRIGGER ${trigger}`);
}

async function openTarget(): Promise<Target> {
  const url = process.env.DATABASE_URL;
  if (url) return postgresTarget(url);
  const { pglite, close } = await openPglite("db:generate-large", pgliteDir());
  return pgliteTarget(pglite, close);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const target = await openTarget();
  const where = target.kind === "postgresql" ? "the PostgreSQL server (DATABASE_URL)" : `the embedded database in ${pgliteDir()}`;
  console.log(`Generating ${options.orgs} organization(s), ${options.calls.toLocaleString("en-US")} calls in the biggest, ~${options.turns} turns per call, into ${where}.`);
  let ddl: { indexes: Ddl[]; foreignKeys: Ddl[] } | null = null;
  let restored = false;
  const restore = async () => {
    if (!ddl || restored) return;
    restored = true;
    if (target.kind === "postgresql") await target.query("SET maintenance_work_mem = '512MB'");
    // Statistics first: without them the foreign-key checks below pick nested loops over millions of rows.
    await timed("ANALYZE the loaded tables", () => target.query(`ANALYZE ${loadedTables.map((table) => `"${table}"`).join(", ")}`));
    await timed(`rebuild ${ddl.indexes.length} indexes`, async () => {
      for (const index of ddl!.indexes) {
        const indexStarted = Date.now();
        await target.query(index.create);
        const seconds = (Date.now() - indexStarted) / 1000;
        if (seconds > 5) console.log(`    ${index.label}: ${seconds.toFixed(1)}s`);
      }
    });
    await timed("rebuild foreign keys", async () => {
      for (const fk of ddl!.foreignKeys) await target.query(fk.create);
    });
  };
  try {
    const [{ count: migrated }] = await target.query<{ count: string }>(`SELECT count(*)::text AS count FROM information_schema.tables WHERE table_name = '_prisma_migrations' AND table_schema = current_schema()`) as [{ count: string }];
    if (migrated === "0") throw new Error("The database has no tables yet: run `npx tsx scripts/db.ts migrate` first (with the same DATABASE_URL / PGLITE_DIR).");
    const random = new Random(options.seed);
    const orgs = planOrgs(options, random);
    const existing = await target.query(`SELECT 1 FROM organization WHERE email = ANY($1)`, [orgs.map((org) => `service@${org.slug}.test`)]);
    if (existing.length) {
      if (!options.reset) throw new Error("Generated organizations are already there. Pass --reset to empty EVERY table of this database first.");
      await timed("reset (truncate all tables)", () => target.query(`TRUNCATE ${allTables.map((table) => `"${table}"`).join(", ")} RESTART IDENTITY CASCADE`));
    }
    const now = Date.now();
    const passwordHash = await hashPassword(demoPassword);
    let [plan] = await target.query<{ id: number }>(`SELECT id FROM plan WHERE name = 'Scale'`);
    plan ??= (await target.query<{ id: number }>(`INSERT INTO plan (name, price, description, credit_limit, rate_per_minute) VALUES ('Scale', 999, 'Generated for the benchmark', 100000, 0.12) RETURNING id`))[0]!;
    const refs: OrgRefs[] = [];
    for (const org of orgs) refs.push(await createOrganization(target, org, plan.id, passwordHash, new Date(now), random));

    if (target.kind === "postgresql") {
      ddl = await secondaryDdl(target);
      await timed(`drop ${ddl.indexes.length} indexes and ${ddl.foreignKeys.length} foreign keys of the loaded tables`, async () => {
        for (const item of [...ddl!.foreignKeys, ...ddl!.indexes]) await target.query(item.drop);
      });
    }
    if (options.searchVectors === "update") {
      await target.query(`ALTER TABLE transcript DISABLE TRIGGER transcript_search_vector_update`);
      await target.query(`ALTER TABLE service_record DISABLE TRIGGER service_record_search_vector_update`);
    }
    await setRollupTriggers(target, false);
    const ids = await nextIds(target, ["service_record", "call", "transcript", "booking", "credit_transaction", "audit_log"]);
    const counts: Record<string, number> = { organization: orgs.length, user: refs.reduce((sum, ref) => sum + ref.userIds.length, 0) };
    counts.service_record = await loadServiceRecords(target, orgs, refs, ids, random, now);
    Object.assign(counts, await loadCalls(target, orgs, refs, ids, random, now, options.turns));
    Object.assign(counts, await loadAuditAndInquiries(target, orgs, refs, ids, random, now));
    if (options.searchVectors === "update") {
      await target.query(`ALTER TABLE transcript ENABLE TRIGGER transcript_search_vector_update`);
      await target.query(`ALTER TABLE service_record ENABLE TRIGGER service_record_search_vector_update`);
      await timed("fill search vectors (UPDATE)", async () => {
        await target.query(`UPDATE transcript SET search_vector = to_tsvector('pg_catalog.english', coalesce(content, '')) WHERE search_vector IS NULL`);
        await target.query(
          `UPDATE service_record SET search_vector = to_tsvector('pg_catalog.simple', coalesce(customer_name, '') || ' ' || coalesce(customer_phone, '') || ' ' || coalesce(vehicle_info, '') || ' ' || coalesce(service_type, '')) WHERE search_vector IS NULL`,
        );
      });
    }
    await restore();
    await timed("sequences", async () => {
      for (const table of ["service_record", "call", "transcript", "booking", "credit_transaction", "audit_log", "inquiry"]) {
        await target.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), greatest((SELECT max(id) FROM "${table}"), 1))`);
      }
    });
    await setRollupTriggers(target, true);
    await timed("dashboard rollup (rebuild_call_metrics per organization)", () => target.query(`SELECT rebuild_call_metrics(id) FROM organization`));
    await timed("ANALYZE", () => target.query("ANALYZE"));
    const [{ size }] = (await target.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)) as [{ size: string }];
    const seconds = (Date.now() - started) / 1000;
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`\nDone in ${Math.floor(seconds / 60)}m ${Math.round(seconds % 60)}s; database size ${size}; generator peak RSS ${rss.toFixed(0)} MB.`);
    for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(20)} ${count.toLocaleString("en-US").padStart(12)}`);
    console.log(`Sign in as ${orgs.map((org) => `admin@${org.slug}.test`).join(", ")} (password "${demoPassword}").`);
    if (target.kind === "postgresql" && options.calls >= 100_000) writeReport({ seconds, size, rss, counts, options });
  } catch (error) {
    await setRollupTriggers(target, true).catch(() => undefined);
    await restore().catch((restoreError: unknown) => console.error("Could not restore the indexes and foreign keys:", restoreError));
    throw error;
  } finally {
    await target.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

