import type SuperJSON from "superjson";

type SuperJSONResult = ReturnType<SuperJSON["serialize"]>;
type Fallback = { serialize: (value: unknown) => SuperJSONResult };
type Annotation = [string] | [["custom", string]];

/** A value the fast path does not handle (Map, Set, a class instance, an invalid Date): superjson takes it whole. */
class NotPlain extends Error {}

export const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);
const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * superjson's serialize, fast for what procedures return: plain objects and arrays of strings, numbers, booleans,
 * null, undefined, Dates, BigInts and Decimals. superjson's own walker spends ~1 ms on a 25-row call page (it
 * tracks the identity of every value for referential equalities, which JSON-shaped results never need). The
 * output is superjson's wire format (version 1 paths, the same type annotations), so either side can read it
 * with superjson.deserialize; anything else goes to `fallback` whole.
 */
export function createWireSerializer(fallback: Fallback, isDecimal: (value: object) => boolean) {
  function walk(value: unknown, path: string, annotations: Record<string, Annotation>): unknown {
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        if (Number.isFinite(value) && !Object.is(value, -0)) return value;
        annotations[path] = ["number"];
        return Object.is(value, -0) ? "-0" : String(value);
      case "bigint":
        annotations[path] = ["bigint"];
        return value.toString();
      case "undefined":
        annotations[path] = ["undefined"];
        return null;
      case "object":
        if (value === null) return null;
        if (value instanceof Date) {
          if (Number.isNaN(value.getTime())) throw new NotPlain();
          annotations[path] = ["Date"];
          return value.toISOString();
        }
        if (Array.isArray(value)) return value.map((item, index) => walk(item, `${path}.${index}`, annotations));
        if (isDecimal(value)) {
          annotations[path] = [["custom", "decimal"]];
          return value.toString();
        }
        if (!isPlainObject(value)) throw new NotPlain();
        return walkObject(value as Record<string, unknown>, `${path}.`, annotations);
      default:
        throw new NotPlain();
    }
  }

  function walkObject(object: Record<string, unknown>, prefix: string, annotations: Record<string, Annotation>) {
    const json: Record<string, unknown> = {};
    for (const key of Object.keys(object)) json[key] = walk(object[key], prefix + escapeKey(key), annotations);
    return json;
  }

  return function serialize(value: unknown): SuperJSONResult {
    // superjson writes annotations of the root itself differently; procedures return objects or arrays.
    const isArray = Array.isArray(value);
    if (!isArray && !(typeof value === "object" && value !== null && isPlainObject(value))) return fallback.serialize(value);
    try {
      const annotations: Record<string, Annotation> = {};
      const json = isArray
        ? (value as unknown[]).map((item, index) => walk(item, String(index), annotations))
        : walkObject(value as Record<string, unknown>, "", annotations);
      if (Object.keys(annotations).length === 0) return { json } as SuperJSONResult;
      return { json, meta: { values: annotations, v: 1 } } as SuperJSONResult;
    } catch (error) {
      if (error instanceof NotPlain) return fallback.serialize(value);
      throw error;
    }
  };
}
