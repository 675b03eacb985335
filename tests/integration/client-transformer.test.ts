import { Decimal as PrismaDecimal } from "@prisma/client/runtime/client";
import Decimal from "decimal.js";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { clientTransformer, WireDecimal } from "@/lib/client-transformer";
import { transformer } from "@/lib/transformer";
import { commonPasswordMessage } from "@/lib/validation/password";
import * as serverSchemas from "@/lib/validation/user";
import * as formSchemas from "@/lib/validation/user-form";
import { outline, random, wireValue } from "../helpers/wire-values";

// The browser's transformer leaves decimal.js and superjson out (lib/client-transformer.ts, lib/wire-deserializer.ts);
// the server keeps lib/transformer.ts. Both must write and read the same wire format, or money and dates break
// between them. tests/unit/wire-deserializer.test.ts compares the reading with superjson's over generated values.

const sample = () => ({
  price: new Decimal("499.50"),
  balance: new PrismaDecimal("-12.3456"),
  nothing: null,
  at: new Date("2026-11-25T10:00:00.000Z"),
  id: 42n,
  rows: [{ amount: new Decimal("0.18") }],
});

describe("the browser's tRPC transformer", () => {
  it("writes exactly what the server's transformer writes (the server prefetch's dehydrate uses it)", () => {
    expect(JSON.stringify(clientTransformer.serialize(sample()))).toBe(JSON.stringify(transformer.serialize(sample())));
  });

  it("reads the server's responses: Decimals as their exact strings, dates and bigints as such", () => {
    const received = clientTransformer.deserialize<Record<string, unknown>>(transformer.serialize(sample()));
    expect(received.price).toBeInstanceOf(WireDecimal);
    expect(String(received.price)).toBe("499.5");
    expect((received.balance as WireDecimal).toFixed(2)).toBe("-12.35");
    expect(Number(received.price)).toBe(499.5);
    expect(JSON.stringify({ price: received.price })).toBe('{"price":"499.5"}');
    expect(received.at).toEqual(new Date("2026-11-25T10:00:00.000Z"));
    expect(received.id).toBe(42n);
    expect(String((received.rows as { amount: WireDecimal }[])[0]!.amount)).toBe("0.18");
  });

  it("sends a Decimal it received back to the server as a real Decimal", () => {
    const received = clientTransformer.deserialize<{ price: WireDecimal }>(transformer.serialize({ price: new Decimal("1999.99") }));
    const onServer = transformer.deserialize<{ price: Decimal; at: Date }>(clientTransformer.serialize({ price: received.price, at: new Date(0) }) as never);
    expect(Decimal.isDecimal(onServer.price)).toBe(true);
    expect(onServer.price.equals("1999.99")).toBe(true);
    expect(onServer.at).toEqual(new Date(0));
  });

  it("rounds toFixed like decimal.js (half up, away from zero)", () => {
    const values = ["0", "1", "-1", "0.005", "-0.005", "9.995", "-9.995", "0.0049", "123.4", "499.5", "0.18", "1999.99", "0.00001", "-0.001", "100000000000.125"];
    for (const value of values) {
      for (const digits of [0, 1, 2, 4]) expect(new WireDecimal(value).toFixed(digits), `${value}.toFixed(${digits})`).toBe(new Decimal(value).toFixed(digits));
    }
  });
});

describe("the browser's writing without superjson", () => {
  const overTheWire = (payload: unknown) => JSON.parse(JSON.stringify(payload));

  it("writes what superjson writes for what the fast path hands on (Maps, Sets, Errors, RegExps, URLs, bytes, bare values)", () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const next = random(seed);
      const shared = next() > 0.5;
      const value = wireValue(next, shared);
      const written = clientTransformer.serialize(value);
      const reference = transformer.serialize(value);
      // Referential equalities are left out (as the fast path does): an object found twice is written twice.
      expect({ json: written.json, values: written.meta?.values }, `seed ${seed}`).toEqual({ json: reference.json, values: reference.meta?.values });
      if (!reference.meta?.referentialEqualities) expect(written, `seed ${seed}`).toEqual(reference);
      // The server reads it as it reads superjson's own writing of the value.
      if (!shared) expect(outline(transformer.deserialize(overTheWire(written))), `seed ${seed}`).toEqual(outline(transformer.deserialize(overTheWire(reference))));
    }
  });

  it("sends what forms and filters send, as the server's own transformer would", () => {
    const inputs = (decimal: (text: string) => object): unknown[] => [
      undefined,
      "search text",
      { search: "oil change", status: undefined, from: new Date("2026-11-01T00:00:00.000Z"), tagIds: ["1", "2"], limit: 25, cursor: null },
      { id: "7", amount: decimal("-12.5"), note: "", active: true },
      { ids: new Set(["1"]), byDay: new Map([[new Date(0), [2n, decimal("0.1")]]]) },
      new Date(0),
      42n,
    ];
    const sent = inputs((text) => new WireDecimal(text));
    const onServer = inputs((text) => new Decimal(text));
    for (const [index, input] of sent.entries()) {
      expect(clientTransformer.serialize(input), `input ${index}`).toEqual(transformer.serialize(onServer[index]));
      expect(outline(transformer.deserialize(overTheWire(clientTransformer.serialize(input)))), `input ${index}`).toEqual(outline(onServer[index]));
    }
  });

  it("refuses keys superjson refuses, and reads back what it writes", () => {
    expect(() => clientTransformer.serialize({ tags: new Set(), constructor: 1 })).toThrow("Detected property constructor");
    const value = { at: new Map([["a.b", new Date(0)]]), errors: [new Error("failed")], big: 2n ** 64n, weird: [NaN, -0, Infinity] };
    expect(outline(clientTransformer.deserialize(overTheWire(clientTransformer.serialize(value))))).toEqual(outline(superjson.deserialize(superjson.serialize(value))));
  });
});

describe("the password rule in browser forms", () => {
  it("checks the length in the browser and leaves the common-password check to the server's schema", () => {
    const input = { currentPassword: "old-password-1", newPassword: "qwerty123456", confirmPassword: "qwerty123456" };
    expect(formSchemas.changeOwnPasswordInput.safeParse(input).success).toBe(true);
    expect(serverSchemas.changeOwnPasswordInput.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["newPassword", commonPasswordMessage]]);
    expect(formSchemas.changeOwnPasswordInput.safeParse({ ...input, newPassword: "short", confirmPassword: "short" }).error?.issues[0]?.message).toBe("At least 12 characters");
    for (const schemas of [formSchemas, serverSchemas]) {
      expect(schemas.userCreateInput.safeParse({ name: "Dana", email: "dana@example.test", role: "Manager", passwordMode: "password", password: "short" }).error?.issues[0]?.path).toEqual(["password"]);
    }
    expect(serverSchemas.setPasswordWithTokenInput.safeParse({ token: "t".repeat(30), password: "qwerty123456", confirmPassword: "qwerty123456" }).success).toBe(false);
    expect(serverSchemas.userSetPasswordInput.safeParse({ id: "1", password: "qwerty123456" }).success).toBe(false);
  });
});
