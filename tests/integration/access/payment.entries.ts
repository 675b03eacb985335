import { expect } from "vitest";
import type { AccessEntries, StateReader } from "./matrix";

const sunrisePayments: StateReader = async (database, f) => ({
  payments: await database.db.paymentHistory.findMany({ where: { organizationId: f.sunrise.id }, orderBy: { id: "asc" } }),
  organization: await database.db.organization.findUniqueOrThrow({ where: { id: f.sunrise.id } }),
});
const platformOnly = { signedOut: "UNAUTHORIZED", admin: "FORBIDDEN", manager: "FORBIDDEN", foreign: "FORBIDDEN" } as const;

type PaymentPage = { items: { organizationId: string }[] };

export const entries: AccessEntries = {
  "payment.list": {
    type: "query",
    input: (f) => ({ organizationId: f.sunrise.id }),
    expect: { ...platformOnly, superAdmin: "ok" },
  },
  "payment.listOwn": {
    type: "query",
    input: () => ({}),
    expect: {
      signedOut: "UNAUTHORIZED",
      superAdmin: "ok",
      admin: "ok",
      manager: "FORBIDDEN",
      foreign: (result, { f }) => {
        expect((result as PaymentPage).items.every((payment) => payment.organizationId === f.bayview.id)).toBe(true);
      },
    },
  },
  "payment.create": {
    type: "mutation",
    input: (f) => ({ organizationId: f.sunrise.id, planId: f.plan.id, amount: "25.00", paymentDate: "2026-11-01", method: "card", status: "succeeded" }),
    state: sunrisePayments,
    expect: {
      ...platformOnly,
      superAdmin: (_result, { before, after }) => {
        const balance = (state: unknown) => (state as { organization: { creditBalance: { toString(): string } } }).organization.creditBalance.toString();
        expect(Number(balance(after)) - Number(balance(before))).toBeCloseTo(25, 2);
      },
    },
  },
  "payment.updateStatus": {
    type: "mutation",
    input: async (f, _caller, database) => {
      const payment = await database.db.paymentHistory.create({ data: { organizationId: f.sunrise.id, amount: "5.00", status: "pending", paymentDate: new Date() } });
      return { id: payment.id, status: "failed" };
    },
    state: sunrisePayments,
    expect: { ...platformOnly, superAdmin: (result) => expect(result).toMatchObject({ status: "failed" }) },
  },
};
