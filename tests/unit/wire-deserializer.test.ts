import Decimal from "decimal.js";
import superjson, { SuperJSON } from "superjson";
import { describe, expect, it } from "vitest";
import { WireDecimal } from "@/lib/client-transformer";
import { transformer } from "@/lib/transformer";
import { createWireDeserializer } from "@/lib/wire-deserializer";
import { outline, random, wireValue } from "../helpers/wire-values";

// The browser reads every tRPC response and every server prefetch with lib/wire-deserializer.ts instead of
// superjson. The server writes with lib/transformer.ts: its fast path for JSON-shaped results, superjson itself
// (with "decimal" registered) for anything else. Whatever the server writes, the browser must read what
// superjson would: the same values, types, order and shared objects.

const deserialize = createWireDeserializer({ decimal: (text: string) => new WireDecimal(text) });

// What the browser used before: superjson reading "decimal" into WireDecimal.
const reference = new SuperJSON();
reference.registerCustom<WireDecimal, string>({ isApplicable: (value): value is WireDecimal => value instanceof WireDecimal, serialize: String, deserialize: (text) => new WireDecimal(text) }, "decimal");

type Payload = ReturnType<typeof superjson.serialize>;
const overTheWire = (payload: Payload): Payload => JSON.parse(JSON.stringify(payload));

describe("reading superjson's wire format without superjson", () => {
  it("reads what the server writes as superjson reads it, for 3,000 generated values", () => {
    const seenKinds = new Set<string>();
    for (let seed = 1; seed <= 3_000; seed++) {
      const next = random(seed);
      const value = wireValue(next, next() > 0.5);
      for (const payload of [transformer.serialize(value), superjson.serialize(value)]) {
        const wire = overTheWire(payload);
        const read = deserialize(wire);
        expect(outline(read), `seed ${seed}: ${JSON.stringify(wire)}`).toEqual(outline(reference.deserialize(overTheWire(payload))));
        // The server's prefetch hands its payload over without JSON in between (shared objects and all).
        expect(outline(deserialize(payload)), `seed ${seed} in process`).toEqual(outline(read));
        for (const [kind] of JSON.stringify(payload.meta ?? {}).matchAll(/"(?:map|set|Error|regexp|URL|typed-array|custom|number|bigint|undefined|Date)"|referentialEqualities|\\\\\\\\/g)) seenKinds.add(kind);
        if (Array.isArray(payload.meta?.values)) seenKinds.add("a value at the top");
      }
    }
    // The generator still makes every kind (and escaped backslashes in paths), so the loop above tests them all.
    expect([...seenKinds].sort()).toEqual(['"Date"', '"Error"', '"URL"', '"bigint"', '"custom"', '"map"', '"number"', '"regexp"', '"set"', '"typed-array"', '"undefined"', "\\\\\\\\", "a value at the top", "referentialEqualities"]);
  });

  it("reads each kind at the top level", () => {
    const values = [new Date("2026-11-25T10:00:00.000Z"), 2n ** 64n, undefined, NaN, -0, -Infinity, /a\/b/gi, new URL("https://example.test/x"), new Error("failed"), new Map([[1, new Date(0)]]), new Set([2n]), new Uint8Array([1, 2]), "text", null, 5, true];
    for (const value of values) expect(outline(deserialize(overTheWire(superjson.serialize(value)))), String(value)).toEqual(outline(reference.deserialize(superjson.serialize(value))));
    expect(deserialize<Date>(superjson.serialize(new Date(5)))).toEqual(new Date(5));
    expect(deserialize(superjson.serialize(2n ** 64n))).toBe(18_446_744_073_709_551_616n);
    expect(Object.is(deserialize(superjson.serialize(-0)), -0)).toBe(true);
  });

  it("reads Decimals as WireDecimals holding the server's exact text", () => {
    const received = deserialize<{ price: WireDecimal; rows: Map<string, WireDecimal> }>(overTheWire(superjson.serialize({ price: new Decimal("1999.990"), rows: new Map([["a", new Decimal("-0.05")]]) })));
    expect(received.price).toBeInstanceOf(WireDecimal);
    expect(String(received.price)).toBe("1999.99");
    expect(received.rows.get("a")!.toFixed(1)).toBe("-0.1");
  });

  it("unescapes dots and backslashes in paths, and reads the older format that only escapes dots", () => {
    const at = "2026-11-25T10:00:00.000Z";
    const value = { "a.b": { "c\\d": new Date(at), "\\.": 1n }, "": { "": undefined } };
    const payload = superjson.serialize(value);
    expect(payload.meta?.values).toEqual({ "a\\.b.c\\\\d": ["Date"], "a\\.b.\\\\\\.": ["bigint"], ".": ["undefined"] });
    expect(deserialize(overTheWire(payload))).toEqual(value);
    const legacy = { json: { "a.b": { "c\\d": at } }, meta: { values: { "a\\.b.c\\d": ["Date"] } } } as Payload;
    expect(deserialize(legacy)).toEqual({ "a.b": { "c\\d": new Date(at) } });
    expect(deserialize(legacy)).toEqual(reference.deserialize(legacy));
    expect(() => deserialize({ json: { a: 1 }, meta: { values: { "a\\b": ["bigint"] }, v: 1 } })).toThrow("invalid path");
  });

  it("makes objects found twice the same object again, the root included", () => {
    const shared = { at: new Date(0), tags: new Set(["x"]) };
    const value = { first: shared, list: [shared], byKey: new Map([[shared, shared]]), set: new Set([shared]) };
    const read = deserialize<typeof value>(overTheWire(superjson.serialize(value)));
    expect(read.list[0]).toBe(read.first);
    expect([...read.byKey][0]).toEqual([read.first, read.first]);
    expect([...read.set][0]).toBe(read.first);
    expect(read.first.at).toEqual(new Date(0));

    const root: Record<string, unknown> = { name: "root" };
    root.self = root;
    root.inner = { back: root, list: [root] };
    const payload = superjson.serialize(root);
    expect(Array.isArray(payload.meta?.referentialEqualities)).toBe(true);
    const readRoot = deserialize<typeof root & { inner: { back: unknown; list: unknown[] } }>(overTheWire(payload));
    expect(readRoot.self).toBe(readRoot);
    expect(readRoot.inner.back).toBe(readRoot);
    expect(readRoot.inner.list[0]).toBe(readRoot);
    expect(outline(readRoot)).toEqual(outline(reference.deserialize(overTheWire(payload))));
  });

  it("leaves its input alone: the query cache may hydrate one dehydrated state twice", () => {
    const payload = superjson.serialize({ at: new Date(0), ids: new Set([1n]), price: new Decimal("1.5") });
    const before = JSON.stringify(payload);
    expect(outline(deserialize(payload))).toEqual(outline(deserialize(payload)));
    expect(JSON.stringify(payload)).toBe(before);
  });

  it("throws a clear error for classes, symbols and custom types it does not know, and for unsafe paths", () => {
    class Point {
      constructor(readonly x = 1) {}
    }
    const other = new SuperJSON();
    other.registerClass(Point, "Point");
    const symbol = Symbol("marker");
    other.registerSymbol(symbol, "marker");
    class Money {}
    other.registerCustom<Money, number>({ isApplicable: (value): value is Money => value instanceof Money, serialize: () => 1, deserialize: () => new Money() }, "money");
    const money = new Money();
    expect(() => deserialize(other.serialize({ point: new Point() }))).toThrow('Cannot read class "Point": no such class is registered here');
    expect(() => deserialize(other.serialize({ symbol }))).toThrow('Cannot read symbol "marker"');
    expect(() => deserialize(other.serialize({ money }))).toThrow('Cannot read custom "money"');
    expect(() => deserialize(superjson.serialize(Buffer.from("x")))).toThrow('Cannot read typed-array "Buffer"');
    expect(() => deserialize({ json: 1, meta: { values: ["widget"], v: 1 } })).toThrow("Unknown transformation: widget");
    expect(() => deserialize({ json: {}, meta: { values: { "__proto__.polluted": ["bigint"] }, v: 1 } })).toThrow("__proto__ is not allowed as a property");
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(deserialize(JSON.parse('{"json":{"__proto__":{"polluted":1},"a":1}}'))).toEqual({ a: 1 });
  });
});
