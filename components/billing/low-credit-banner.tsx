import { TriangleAlert } from "lucide-react";
import type { CreditStatus } from "@/lib/credit-status";
import { formatMoney } from "@/lib/format";

type Props = { status: Exclude<CreditStatus, "ok">; balance: string; creditLimit: string };

/** Tells Admins and Managers that calling is about to stop, and whom to ask. */
export function LowCreditBanner({ status, balance, creditLimit }: Props) {
  const headline = status === "negative" ? `Your credit balance is below zero (${formatMoney(balance)}).` : `Your credit is running low (${formatMoney(balance)}).`;
  return (
    <div role="status" data-testid="low-credit-banner" className="flex items-start gap-3 bg-red-50 px-4 py-2 text-sm text-red-950 dark:bg-red-950 dark:text-red-100 sm:px-6">
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>
        <strong>{headline}</strong> Your plan lets it go {formatMoney(creditLimit)} below zero; past that, campaigns cannot be activated and calls stop. Contact your AutoPulse account
        manager to add credit.
      </p>
    </div>
  );
}
