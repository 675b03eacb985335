import Decimal from "decimal.js";
import superjson from "superjson";
import { createWireSerializer } from "./wire-serializer";

// Prisma's Decimal is decimal.js; money crosses the wire as its exact string, never a float.
superjson.registerCustom<Decimal, string>(
  {
    isApplicable: (value): value is Decimal => Decimal.isDecimal(value),
    serialize: (value) => value.toString(),
    deserialize: (value) => new Decimal(value),
  },
  "decimal",
);

/** superjson's format and reading; writing takes the fast path of lib/wire-serializer.ts for JSON-shaped results. */
export const transformer = {
  serialize: createWireSerializer(superjson, (value) => Decimal.isDecimal(value)),
  deserialize: superjson.deserialize,
};
