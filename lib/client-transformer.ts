import { createWireDeserializer } from "./wire-deserializer";
import { createWireSerializer, escapeKey } from "./wire-serializer";

/**
 * A Decimal as the browser receives it: the exact string the server's decimal.js Decimal printed,
 * behind the few Decimal methods client code calls (toString, toFixed, toNumber). It keeps
 * decimal.js (~13 kB gzip) out of every page; money is only formatted in the browser, never computed.
 */
export class WireDecimal {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  toString(): string {
    return this.#text;
  }

  toJSON(): string {
    return this.#text;
  }

  /** Like decimal.js: the string, so Number(value) and `${value}` behave the same. */
  valueOf(): string {
    return this.#text;
  }

  toNumber(): number {
    return Number(this.#text);
  }

  /** decimal.js toFixed with its default rounding (ROUND_HALF_UP: ties away from zero), exact on the string. */
  toFixed(digits = 0): string {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(this.#text);
    if (!match) return Number(this.#text).toFixed(digits); // exponent notation: not a money value
    const [, sign, whole, fraction = ""] = match;
    if (fraction.length <= digits) return `${sign}${whole}${digits ? `.${fraction.padEnd(digits, "0")}` : ""}`;
    let units = BigInt(whole + fraction.slice(0, digits));
    if (fraction[digits]! >= "5") units += 1n;
    const text = units.toString().padStart(digits + 1, "0");
    return `${sign}${digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text}`;
  }
}

// decimal.js (and Prisma's copy of it) marks its instances with this tag; Decimal.isDecimal checks the same.
const isDecimalJs = (value: unknown) => typeof value === "object" && value !== null && (value as { toStringTag?: unknown }).toStringTag === "[object Decimal]";
const isDecimal = (value: object) => value instanceof WireDecimal || isDecimalJs(value);

type Tree = unknown[] | { [path: string]: Tree };

/**
 * superjson.serialize for what the fast path does not take (Map, Set, Error, RegExp, URL, typed arrays,
 * invalid Dates, class instances, values that are not objects): the same output, with the same annotations,
 * except referential equalities: an object found twice is written twice, as the fast path does, and a
 * circular reference overflows the stack. The browser sends form and filter inputs; the server's prefetch
 * dehydrates procedure results with this transformer too, so it must write whatever a procedure returns.
 */
function walk(value: unknown): [json: unknown, tree?: Tree] {
  let type: unknown;
  let json = value;
  let deep = Array.isArray(value);
  if (value === undefined) [type, json] = ["undefined", null];
  else if (typeof value === "bigint") [type, json] = ["bigint", String(value)];
  else if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0))) [type, json] = ["number", Object.is(value, -0) ? "-0" : String(value)];
  else if (typeof value === "object" && value !== null && !deep) {
    if (isDecimal(value)) [type, json] = [["custom", "decimal"], value.toString()];
    else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) [type, json] = [["typed-array", value.constructor.name], [...(value as Uint8Array)]];
    else if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) [type, json] = ["Date", value.toISOString()]; // an invalid Date goes as it is
    } else if (value instanceof RegExp) [type, json] = ["regexp", String(value)];
    else if (value instanceof URL) [type, json] = ["URL", value.href];
    else if (value instanceof Error) [type, json, deep] = ["Error", { name: value.name, message: value.message, ...("cause" in value ? { cause: value.cause } : {}) }, true];
    else if (value instanceof Set) [type, json, deep] = ["set", [...value], true];
    else if (value instanceof Map) [type, json, deep] = ["map", [...value], true];
    else deep = [null, Object.prototype].includes(Object.getPrototypeOf(value)); // a class instance goes as it is
  }
  if (!deep) return [json, type === undefined ? undefined : [type]];
  const children: Record<string, Tree> = {};
  const result: Record<string, unknown> = Array.isArray(json) ? ([] as never) : {};
  for (const [key, item] of Object.entries(json as object)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") {
      throw new Error(`Detected property ${key}. This is a prototype pollution risk, please remove it from your object.`);
    }
    const [itemJson, tree] = walk(item);
    result[key] = itemJson;
    if (Array.isArray(tree)) children[escapeKey(key)] = tree;
    else if (tree) for (const [path, child] of Object.entries(tree)) children[`${escapeKey(key)}.${path}`] = child;
  }
  const hasChildren = Object.keys(children).length > 0;
  return [result, type === undefined ? (hasChildren ? children : undefined) : hasChildren ? [type, children] : [type]];
}

function serializeAny(value: unknown) {
  const [json, values] = walk(value);
  return (values ? { json, meta: { values, v: 1 } } : { json }) as ReturnType<ReturnType<typeof createWireSerializer>>;
}

/**
 * The tRPC client's and the query cache's transformer: the same wire format as lib/transformer.ts
 * (superjson, Decimal as its exact string under the custom type "decimal"), without superjson and decimal.js.
 * Server-side code keeps lib/transformer.ts, which deserializes into real Decimals.
 */
export const clientTransformer = {
  serialize: createWireSerializer({ serialize: serializeAny }, isDecimal),
  deserialize: createWireDeserializer({ decimal: (text: string) => new WireDecimal(text) }),
};
