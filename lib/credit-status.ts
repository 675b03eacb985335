import Decimal from "decimal.js";

type DecimalLike = { toString(): string } | string;

export type CreditStatus = "ok" | "low" | "negative";

/**
 * Below zero, or with less headroom above zero than a tenth of how far the plan lets it go below
 * (0 without a plan): the organization is about to be unable to activate campaigns.
 */
export function creditStatus(balance: DecimalLike, creditLimit: DecimalLike | null | undefined): CreditStatus {
  const value = new Decimal(balance.toString());
  if (value.isNegative()) return "negative";
  const limit = new Decimal((creditLimit ?? "0").toString());
  return value.lessThanOrEqualTo(limit.times("0.1")) ? "low" : "ok";
}
