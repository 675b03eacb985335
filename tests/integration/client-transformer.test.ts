import { Decimal as PrismaDecimal } from "@prisma/client/runtime/client";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { clientTransformer, WireDecimal } from "@/lib/client-transformer";
import { transformer } from "@/lib/transformer";
import { commonPasswordMessage } from "@/lib/validation/password";
import * as serverSchemas from "@/lib/validation/user";
import * as formSchemas from "@/lib/validation/user-form";

// The browser's transformer leaves decimal.js out (lib/client-transformer.ts); the server keeps lib/transformer.ts.
// Both must write and read the same wire format, or money and dates break between them.

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
