import Decimal from "decimal.js";
import superjson from "superjson";

// Prisma's Decimal is decimal.js; money crosses the wire as its exact string, never a float.
superjson.registerCustom<Decimal, string>(
  {
    isApplicable: (value): value is Decimal => Decimal.isDecimal(value),
    serialize: (value) => value.toString(),
    deserialize: (value) => new Decimal(value),
  },
  "decimal",
);

export const transformer = superjson;
