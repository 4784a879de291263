import type { Prisma } from "@brokerage/db";
import { moneyString } from "../accounts/money";

export const withdrawalSelect = {
  id: true,
  customerId: true,
  accountId: true,
  amount: true,
  currency: true,
  status: true,
  releaseOutcome: true,
  payoutKind: true,
  payoutMethodId: true,
  depositId: true,
  idempotencyKey: true,
  providerPayoutId: true,
  rejectionReason: true,
  failureReason: true,
  decidedAt: true,
  paidAt: true,
  createdAt: true,
  updatedAt: true,
  account: { select: { id: true, login: true, currency: true } },
  payoutMethod: { select: { id: true, ibanEnc: true, ibanLast4: true, country: true, bic: true, holderName: true } },
  deposit: { select: { id: true, providerPaymentId: true, cardBrand: true, cardLast4: true } },
} satisfies Prisma.WithdrawalSelect;

export type WithdrawalRow = Prisma.WithdrawalGetPayload<{ select: typeof withdrawalSelect }>;

/** Where the money goes, as shown to its owner and to staff (never a whole IBAN or card number). */
export function destinationView(row: WithdrawalRow) {
  if (row.payoutKind === "CARD_REFUND") {
    return { kind: "card" as const, label: row.deposit?.cardLast4 ? `${row.deposit.cardBrand ?? "Card"} •••• ${row.deposit.cardLast4}` : "The card you paid with" };
  }
  const method = row.payoutMethod;
  return { kind: "bank" as const, label: method ? `${method.country}•• •••• ${method.ibanLast4} (${method.holderName})` : "Bank account" };
}

export function withdrawalView(row: WithdrawalRow) {
  return {
    id: row.id,
    accountId: row.accountId,
    login: row.account.login,
    amount: moneyString(row.amount),
    currency: row.currency,
    status: row.status,
    destination: destinationView(row),
    rejectionReason: row.rejectionReason,
    failureReason: row.failureReason,
    decidedAt: row.decidedAt,
    paidAt: row.paidAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type WithdrawalView = ReturnType<typeof withdrawalView>;

/** Statuses whose amount counts against the daily limit (everything not given back). */
export const COUNTING_STATUSES = ["HOLDING", "PENDING", "APPROVED", "PAYING", "PAID"] as const;
