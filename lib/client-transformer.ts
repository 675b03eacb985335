import SuperJSON from "superjson";
import { createWireSerializer } from "./wire-serializer";

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

// Its own SuperJSON instance: the server's transformer (lib/transformer.ts) registers "decimal" on the
// default one to deserialize into decimal.js, and both may live in the same server process.
const wire = new SuperJSON();
wire.registerCustom<WireDecimal, string>(
  {
    isApplicable: (value): value is WireDecimal => value instanceof WireDecimal || isDecimalJs(value),
    serialize: (value) => value.toString(),
    deserialize: (value) => new WireDecimal(value),
  },
  "decimal",
);

/**
 * The tRPC client's and the query cache's transformer: the same wire format as lib/transformer.ts
 * (superjson, Decimal as its exact string under the custom type "decimal"), without decimal.js.
 * Server-side code keeps lib/transformer.ts, which deserializes into real Decimals.
 */
export const clientTransformer = {
  serialize: createWireSerializer(wire, (value) => value instanceof WireDecimal || isDecimalJs(value)),
  deserialize: <T = unknown>(value: unknown) => wire.deserialize<T>(value as Parameters<typeof wire.deserialize>[0]),
};
