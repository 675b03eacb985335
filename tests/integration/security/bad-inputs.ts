import { z } from "zod";

// Generated bad inputs: a valid base input with one field (or the whole input) replaced by a value
// from the catalogue below. The fields come from the procedure's zod input schema (as JSON Schema,
// input side) and from the base input, so a new procedure or field is covered without editing this.

export const nulByte = "\u0000";
export const oneMegabyte = "a".repeat(1 << 20);
export const sqlPayload = "'; DROP TABLE organization; -- \" OR 1=1 /* %_\\";
export const htmlPayload = `<img src=x onerror=window.__xss=1><script>window.__xss=1</script>`;

/** A removed field (as opposed to an explicit null or undefined). */
export const missing = Symbol("missing");

/** Every string field gets the string ones, every other field the scalar ones, and every field the rest by sampling. */
export type BadValue = { label: string; value: unknown; always?: "any" | "string" | "scalar" };

export const hostileText = `${sqlPayload} ${htmlPayload} \u202Eevil.exe\u202C 🚗💨👍🏽 Z̴̡a̷l̶g̸o`;

export const badValues: BadValue[] = [
  { label: "missing", value: missing, always: "any" },
  { label: "null", value: null, always: "any" },
  { label: "NUL inside text", value: `Oil${nulByte}change`, always: "string" },
  { label: "SQL, HTML and unicode payload", value: hostileText, always: "string" },
  { label: "1 MB string", value: oneMegabyte, always: "string" },
  { label: "id 'abc'", value: "abc", always: "scalar" },
  { label: "id of 40 digits", value: "9".repeat(40), always: "scalar" },
  { label: "-1", value: -1, always: "scalar" },
  { label: "NUL byte", value: nulByte },
  { label: "SQL payload", value: sqlPayload },
  { label: "HTML payload", value: htmlPayload },
  { label: "id '-1'", value: "-1" },
  { label: "empty string", value: "" },
  { label: "blank string", value: "   " },
  { label: "RTL override", value: "\u202Eevil.exe\u202C" },
  { label: "emoji", value: "🚗💨👍🏽" },
  { label: "lone surrogate", value: "\uD800x" },
  { label: "id '0'", value: "0" },
  { label: "id '1e3'", value: "1e3" },
  { label: "id '0x10'", value: "0x10" },
  { label: "date 2026-02-30", value: "2026-02-30" },
  { label: "date 'not a date'", value: "not a date" },
  { label: "date year 275760+", value: "+275761-01-01T00:00:00.000Z" },
  { label: "invalid Date", value: new Date(Number.NaN) },
  { label: "Date at the end of time", value: new Date(8.64e15) },
  { label: "0", value: 0 },
  { label: "1.5", value: 1.5 },
  { label: "1e308", value: 1e308 },
  { label: "-1e308", value: -1e308 },
  { label: "2^53 + 2", value: Number.MAX_SAFE_INTEGER + 2 },
  { label: "NaN", value: Number.NaN },
  { label: "Infinity", value: Number.POSITIVE_INFINITY },
  { label: "bigint -1", value: -1n },
  { label: "bigint 2^80", value: 2n ** 80n },
  { label: "true", value: true },
  { label: "'true'", value: "true" },
  { label: "empty object", value: {} },
  { label: "empty array", value: [] },
  { label: "array of payloads", value: [htmlPayload, nulByte, sqlPayload] },
  { label: "object with operator keys", value: JSON.parse('{"$ne":null,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown },
];

export const badWholeInputs: BadValue[] = [
  { label: "no input", value: undefined },
  { label: "null input", value: null },
  { label: "string input", value: "x" },
  { label: "number input", value: 42 },
  { label: "array input", value: [] },
  { label: "empty object input", value: {} },
];

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; allOf?: JsonSchema[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };

/** "string": text; "scalar": numbers, booleans, ids, structures; "any": a schema JSON Schema cannot describe (coerced ids, preprocessed values). */
export type FieldKind = "string" | "scalar" | "any";
export type Field = { path: string; kind: FieldKind };

function kindOfSchema(schema: JsonSchema): FieldKind {
  const types = [schema.type, ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map((part) => part.type)].flat().filter(Boolean);
  if (!types.length) return "any";
  return types.includes("string") ? (types.length > 1 ? "any" : "string") : "scalar";
}

function schemaFields(schema: JsonSchema | undefined, prefix: string[], depth: number, into: Map<string, FieldKind>): void {
  if (!schema || depth > 2) return;
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, key];
    into.set(path.join("."), kindOfSchema(child));
    schemaFields(child, path, depth + 1, into);
  }
  for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) schemaFields(part, prefix, depth, into);
}

function valueFields(value: unknown, prefix: string[], depth: number, into: Map<string, FieldKind>): void {
  if (depth > 2 || value === null || typeof value !== "object" || value instanceof Date) return;
  const entries: [string, unknown][] = Array.isArray(value) ? (value.length ? [["0", value[0]]] : []) : Object.entries(value);
  for (const [key, child] of entries) {
    const path = [...prefix, key].join(".");
    if (!into.has(path)) into.set(path, typeof child === "string" ? "string" : "scalar");
    valueFields(child, [...prefix, key], depth + 1, into);
  }
}

/** Every field the schema declares or the base input carries, by dotted path. */
export function fieldsOf(schema: z.ZodType | null, base: unknown): Field[] {
  const fields = new Map<string, FieldKind>();
  if (schema) {
    try {
      schemaFields(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema, [], 0, fields);
    } catch {
      // A schema JSON Schema cannot describe (e.g. a recursive one): the base input still names its fields.
    }
  }
  valueFields(base, [], 0, fields);
  return [...fields].map(([path, kind]) => ({ path, kind })).sort((a, b) => a.path.localeCompare(b.path));
}

function cloneInput(value: unknown): unknown {
  return value === undefined ? undefined : structuredClone(value);
}

/** A copy of `base` with the field at `path` replaced (or removed, for `missing`); objects on the way are created. */
export function withField(base: unknown, path: string, value: unknown): unknown {
  const root = (base !== null && typeof base === "object" ? cloneInput(base) : {}) as Record<string, unknown>;
  const keys = path.split(".");
  let node: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === missing) delete node[last];
  else node[last] = cloneInput(value);
  return root;
}

/** mulberry32: a small seeded generator, so a sampled sweep is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function alwaysFor(kind: FieldKind, value: BadValue): boolean {
  if (value.always === "any") return true;
  return value.always !== undefined && (kind === "any" || value.always === kind);
}

/** The values always tried on a field of this kind, and `extra` of the others drawn with `random`. */
export function sampleBadValues(kind: FieldKind, random: () => number, extra: number): BadValue[] {
  const always = badValues.filter((value) => alwaysFor(kind, value));
  const others = badValues.filter((value) => !always.includes(value));
  const drawn: BadValue[] = [];
  while (drawn.length < Math.min(extra, others.length)) {
    const pick = others[Math.floor(random() * others.length)]!;
    if (!drawn.includes(pick)) drawn.push(pick);
  }
  return [...always, ...drawn];
}
