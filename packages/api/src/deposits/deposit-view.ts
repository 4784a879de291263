import type { Prisma } from "@brokerage/db";
import { moneyString } from "../accounts/money";

export const depositSelect = {
  id: true,
  customerId: true,
  accountId: true,
  amount: true,
  currency: true,
  status: true,
  idempotencyKey: true,
  providerPaymentId: true,
  paymentPageUrl: true,
  cardBrand: true,
  cardLast4: true,
  refundedAmount: true,
  chargedBackAmount: true,
  unrecoveredAmount: true,
  creditedAt: true,
  createdAt: true,
  updatedAt: true,
  account: { select: { id: true, login: true, currency: true, archivedAt: true } },
} satisfies Prisma.DepositSelect;

export type DepositRow = Prisma.DepositGetPayload<{ select: typeof depositSelect }>;

const PAYABLE = new Set(["CREATING", "AWAITING_PAYMENT"]);

/** A deposit as its customer sees it: the page link only while it can still be paid. */
export function depositView(row: DepositRow) {
  return {
    id: row.id,
    accountId: row.accountId,
    login: row.account.login,
    amount: moneyString(row.amount),
    currency: row.currency,
    status: row.status,
    paymentPageUrl: PAYABLE.has(row.status) ? row.paymentPageUrl : null,
    card: row.cardBrand && row.cardLast4 ? { brand: row.cardBrand, last4: row.cardLast4 } : null,
    refundedAmount: moneyString(row.refundedAmount),
    chargedBackAmount: moneyString(row.chargedBackAmount),
    creditedAt: row.creditedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type DepositView = ReturnType<typeof depositView>;
