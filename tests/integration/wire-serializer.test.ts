import Decimal from "decimal.js";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { clientTransformer } from "@/lib/client-transformer";
import { transformer } from "@/lib/transformer";

// Every tRPC response and every server prefetch goes through the fast serializer (lib/wire-serializer.ts);
// superjson reads it on the other side. It must write exactly superjson's format, or dates, ids and money break.

/** A small deterministic generator, so that a failure names a reproducible case. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const keys = ["id", "name", "a.b", "back\\slash", "x.y.z", "", "0", "createdAt", "amount", "__proto__x"];

function value(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 10 : 13));
  switch (pick) {
    case 0: return `text ${Math.floor(next() * 100)}`;
    case 1: return Math.floor(next() * 1_000_000) - 500_000;
    case 2: return [NaN, Infinity, -Infinity, -0, 0.1][Math.floor(next() * 5)];
    case 3: return next() > 0.5;
    case 4: return null;
    case 5: return undefined;
    case 6: return new Date(Math.floor(next() * 2e12));
    case 7: return BigInt(Math.floor(next() * 1e15)) * 1000n;
    case 8: return new Decimal((next() * 10_000 - 5_000).toFixed(2));
    case 9: return "";
    case 10:
    case 11: {
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--) object[keys[Math.floor(next() * keys.length)]!] = value(next, depth + 1);
      return object;
    }
    default:
      return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
  }
}

describe("the fast wire serializer", () => {
  it("writes what superjson writes, minus referential equalities, for 2,000 generated JSON-shaped results", () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const next = random(seed);
      const result = next() > 0.3 ? { items: value(next, 0), nextCursor: value(next, 2) } : [value(next, 0), value(next, 1)];
      const fast = transformer.serialize(result);
      const reference = superjson.serialize(result);
      expect(fast.json, `seed ${seed}`).toEqual(reference.json);
      expect(fast.meta?.values ?? {}, `seed ${seed}`).toEqual(reference.meta?.values ?? {});
      expect(superjson.deserialize(fast), `seed ${seed}`).toEqual(result);
    }
  });

  it("keeps types through the wire: a call page's dates, ids, money and missing values", () => {
    const page = {
      items: [
        { id: 9_007_199_254_740_993n, startTime: new Date("2026-11-25T10:00:00.000Z"), endTime: null, cost: new Decimal("0.35"), note: undefined },
        { id: 2n, startTime: new Date("2026-11-24T09:30:00.000Z"), endTime: new Date("2026-11-24T09:34:10.000Z"), cost: new Decimal("1.20"), note: "called back" },
      ],
      nextCursor: "2026-11-24T09:30:00.000Z|2",
    };
    const wire = JSON.parse(JSON.stringify(transformer.serialize(page)));
    expect(wire.json.items[0].id).toBe("9007199254740993");
    const received = superjson.deserialize<typeof page>(wire);
    expect(received.items[0]!.id).toBe(9_007_199_254_740_993n);
    expect(received.items[1]!.endTime).toEqual(new Date("2026-11-24T09:34:10.000Z"));
    expect(Decimal.isDecimal(received.items[0]!.cost) && received.items[0]!.cost.equals("0.35")).toBe(true);
    expect("note" in received.items[0]!).toBe(true);
    expect(received.items[0]!.note).toBeUndefined();
    expect(String(clientTransformer.deserialize<typeof page>(wire).items[1]!.cost)).toBe("1.2");
  });

  it("hands anything else to superjson whole (Maps, Sets, invalid dates, class instances, bare values)", () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const others: unknown[] = [
      { tags: new Set(["a"]) },
      { byId: new Map([[1n, "x"]]) },
      { at: new Date(NaN) },
      { point: new Point(1) },
      new Date(0),
      42n,
      "text",
      null,
      undefined,
    ];
    for (const other of others) {
      expect(transformer.serialize(other)).toEqual(superjson.serialize(other));
      expect(superjson.deserialize(transformer.serialize(other))).toEqual(other);
    }
  });
});
