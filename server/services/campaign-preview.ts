import { Prisma } from "../generated/prisma/client";
import type { ScheduleConfig } from "@/lib/validation/schedule";
import { eligibilitySummary } from "./eligibility";
import type { EligibilitySummary } from "./eligibility";
import { planCallingDays, todayIn } from "./schedule";
import type { CallingPlan } from "./schedule";

// Assumptions of the estimate, used when the organization has no call history yet.
const defaultConnectedSeconds = 180;
const defaultConnectRate = 0.5;
const unansweredSeconds = 30;
const gapSecondsPerCall = 15;

type RawQuery = Parameters<typeof eligibilitySummary>[0];

export type CampaignPreview = {
  eligibility: EligibilitySummary;
  connectRate: number;
  connectRateFromHistory: boolean;
  averageConnectedSeconds: number;
  expectedCalls: number;
  expectedConnectedCalls: number;
  plan: CallingPlan;
  ratePerMinute: Prisma.Decimal;
  estimatedCost: Prisma.Decimal;
  balance: Prisma.Decimal;
  creditLimit: Prisma.Decimal;
  /** What is left to spend before the limit stops the calls: balance + credit limit. */
  available: Prisma.Decimal;
  coveredByBalance: boolean;
};

type OrganizationFacts = { creditBalance: Prisma.Decimal; plan: { creditLimit: Prisma.Decimal; ratePerMinute: Prisma.Decimal } | null };

async function callHistory(db: RawQuery, organizationId: string) {
  const rows = await db.$queryRaw<{ finished: number; connected: number; average_seconds: number | null }[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE status IN ('completed', 'no_answer', 'busy', 'voicemail', 'failed'))::int AS finished,
           count(*) FILTER (WHERE status = 'completed')::int AS connected,
           avg(duration_sec) FILTER (WHERE status = 'completed' AND duration_sec IS NOT NULL)::float8 AS average_seconds
      FROM "call" WHERE organization_id = ${organizationId}::uuid`);
  const row = rows[0];
  const finished = Number(row?.finished ?? 0);
  const connected = Number(row?.connected ?? 0);
  return {
    connectRate: finished > 0 ? connected / finished : defaultConnectRate,
    connectRateFromHistory: finished > 0,
    averageConnectedSeconds: row?.average_seconds ? Math.round(Number(row.average_seconds)) : defaultConnectedSeconds,
  };
}

/**
 * Calls to expect per record with k attempts left when each connects with probability p:
 * attempts stop at the first connection, so the expected attempts are (1 − (1 − p)^k) / p.
 */
function expectedAttempts(attemptsLeft: number, connectRate: number): number {
  if (connectRate <= 0) return attemptsLeft;
  return (1 - (1 - connectRate) ** attemptsLeft) / connectRate;
}

export async function campaignPreview(
  db: RawQuery,
  input: { organizationId: string; campaignId: bigint; schedule: ScheduleConfig; organization: OrganizationFacts; now?: Date },
): Promise<CampaignPreview> {
  const { schedule, organization } = input;
  const [eligibility, history] = await Promise.all([
    eligibilitySummary(db, { organizationId: input.organizationId, campaignId: input.campaignId, maxAttempts: schedule.maxAttempts }),
    callHistory(db, input.organizationId),
  ]);
  const { connectRate, averageConnectedSeconds } = history;
  let expectedCalls = 0;
  let expectedConnectedCalls = 0;
  for (const group of eligibility.byAttemptsLeft) {
    expectedCalls += group.records * expectedAttempts(group.attemptsLeft, connectRate);
    expectedConnectedCalls += group.records * (1 - (1 - connectRate) ** group.attemptsLeft);
  }
  expectedCalls = Math.ceil(expectedCalls);
  expectedConnectedCalls = Math.ceil(expectedConnectedCalls);
  const secondsPerCall = connectRate * averageConnectedSeconds + (1 - connectRate) * unansweredSeconds + gapSecondsPerCall;
  const plan = planCallingDays(schedule, expectedCalls, secondsPerCall, todayIn(schedule.timezone, input.now));
  const ratePerMinute = organization.plan?.ratePerMinute ?? new Prisma.Decimal(0);
  const creditLimit = organization.plan?.creditLimit ?? new Prisma.Decimal(0);
  const startedMinutes = Math.ceil(averageConnectedSeconds / 60);
  const estimatedCost = ratePerMinute.mul(startedMinutes).mul(expectedConnectedCalls).toDecimalPlaces(2, Prisma.Decimal.ROUND_UP);
  const available = organization.creditBalance.add(creditLimit);
  return {
    eligibility,
    ...history,
    expectedCalls,
    expectedConnectedCalls,
    plan,
    ratePerMinute,
    estimatedCost,
    balance: organization.creditBalance,
    creditLimit,
    available,
    coveredByBalance: estimatedCost.lte(available),
  };
}
