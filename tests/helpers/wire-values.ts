import { Decimal as PrismaDecimal } from "@prisma/client/runtime/client";
import Decimal from "decimal.js";

// Values of every kind superjson writes (lib/transformer.ts, lib/client-transformer.ts), for tests that compare
// our reading and writing of its wire format with superjson's own.

/** A small deterministic generator, so that a failure names a reproducible case. */
export function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const keys = ["id", "name", "a.b", "back\\slash", "x.y.z", "\\.", "a\\\\.b", "", "0", "createdAt", "amount", "__proto__x"];

/**
 * A random value: nested objects, arrays, Maps and Sets of strings, numbers (NaN, ±Infinity, -0), bigints beyond
 * 2^53, undefined, Dates, Decimals, RegExps, Errors, URLs and bytes. With `shared`, objects made earlier are
 * sometimes used again (referential equalities), and a few bigints come back (superjson tracks those too).
 */
export function wireValue(next: () => number, shared: boolean, depth = 0, made: object[] = []): unknown {
  const pick = (count: number) => Math.floor(next() * count);
  const nested = (): unknown => wireValue(next, shared, depth + 1, made);
  const remember = <T extends object>(object: T) => (made.push(object), object);
  if (shared && made.length > 0 && next() < 0.08) return made[pick(made.length)];
  switch (pick(depth > 3 ? 14 : 19)) {
    case 0: return `text ${pick(100)}`;
    case 1: return pick(1_000_000) - 500_000;
    case 2: return [NaN, Infinity, -Infinity, -0, 0.1][pick(5)];
    case 3: return next() > 0.5;
    case 4: return null;
    case 5: return undefined;
    case 6: return remember(new Date(pick(2e12)));
    case 7: return [9_007_199_254_740_993n, -(2n ** 70n), 0n][pick(3)]! + (shared ? 0n : BigInt(pick(1000)));
    case 8: return remember(next() > 0.3 ? new Decimal((next() * 10_000 - 5_000).toFixed(pick(4))) : new PrismaDecimal("-0.0000001"));
    case 9: return remember([/a\/b.c/gi, /^$/, new RegExp("x[/]y", "u")][pick(3)]!);
    case 10: return remember(new URL(`https://example.test/a b?q=${pick(10)}#x`));
    case 11: return remember(next() > 0.5 ? new Error(`failed ${pick(10)}`) : Object.assign(new Error("outer", { cause: next() > 0.5 ? new Error("inner") : { at: new Date(0) } }), { name: "TypeError" }));
    case 12: return remember(new Uint8Array([0, 255, pick(256)]));
    case 13: return "";
    case 14: case 15: {
      const object: Record<string, unknown> = {};
      for (let i = pick(5); i > 0; i--) object[keys[pick(keys.length)]!] = nested();
      return remember(object);
    }
    case 16: return remember(new Map(Array.from({ length: pick(4) }, () => [next() > 0.5 ? nested() : keys[pick(keys.length)], nested()] as const)));
    case 17: return remember(new Set(Array.from({ length: pick(4) }, nested)));
    default: return remember(Array.from({ length: pick(4) }, nested));
  }
}

/**
 * What two equal values share: types, order (of Map and Set entries too), the exact numbers and texts, and, with
 * `identity`, which objects are the same object (a repeat is ["same", n], n counting first visits). Decimals of
 * any kind (decimal.js, Prisma's, the browser's WireDecimal) are their text.
 */
export function outline(value: unknown, identity = true, seen = new Map<object, number>()): unknown {
  if (typeof value === "number") return ["number", Object.is(value, -0) ? "-0" : String(value)];
  if (typeof value === "bigint") return ["bigint", String(value)];
  if (typeof value !== "object" || value === null) return value === undefined ? ["undefined"] : value;
  if (seen.has(value)) return ["same", seen.get(value)];
  if (identity) seen.set(value, seen.size);
  const inner = (item: unknown) => outline(item, identity, seen);
  const tag = (value as { toStringTag?: string }).toStringTag;
  if (tag === "[object Decimal]" || value.constructor?.name === "WireDecimal") return ["decimal", value.toString()];
  if (value instanceof Date) return ["Date", value.getTime()];
  if (value instanceof RegExp || value instanceof URL) return [value.constructor.name, String(value)];
  if (value instanceof Error) return ["Error", value.name, value.message, "cause" in value, inner(value.cause)];
  if (value instanceof Map) return ["Map", [...value].map(([key, item]) => [inner(key), inner(item)])];
  if (value instanceof Set) return ["Set", [...value].map(inner)];
  if (ArrayBuffer.isView(value)) return [value.constructor.name, [...(value as Uint8Array)]];
  if (Array.isArray(value)) return ["Array", value.map(inner)];
  return [Object.getPrototypeOf(value) === null ? "null-prototype" : value.constructor.name, Object.entries(value).map(([key, item]) => [key, inner(item)])];
}
