// Brings a deposit in line with its payment at the provider: from a webhook (after the
// payment was read again from the provider, so events late, duplicated or out of order
// change nothing) or from the reconciliation pass (webhooks lost). Every step is
// conditional on the state it leaves and every core call has a key derived from the
// deposit, so running it twice, or twice at once, credits and debits once.
import { InsufficientFundsError, isCoreError, type TradingCore } from "@brokerage/core-adapter";
import { Prisma, type Database, type MovementStatus, type PaymentDepositStatus } from "@brokerage/db";
import type { PaymentView } from "@brokerage/payments";
import type { Clock } from "../clock";
import { recordAuditEvent } from "../audit/record-audit-event";
import { moneyString } from "../accounts/money";
import { recordMovement, setMovementStatus } from "../money/movements";
import { depositSelect, type DepositRow } from "./deposit-view";

export interface SettleDeps {
  db: Database;
  core: TradingCore;
  clock: Clock;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Final outcomes of a payment that was never paid, and how the history shows them. */
const UNPAID: Partial<Record<PaymentView["status"], [PaymentDepositStatus, MovementStatus]>> = {
  declined: ["DECLINED", "FAILED"],
  expired: ["EXPIRED", "EXPIRED"],
  canceled: ["CANCELED", "CANCELED"],
};

export type SettleOutcome = "unknown_payment" | "mismatch" | "waiting" | "unpaid" | "credited" | "credit_pending" | "credit_refused";

export async function settleDeposit(deps: SettleDeps, payment: PaymentView): Promise<SettleOutcome> {
  const { db } = deps;
  let row = await findDeposit(db, payment);
  if (!row) return "unknown_payment";
  if (row.amount.toFixed(2) !== payment.amount || row.currency !== payment.currency) {
    await db.deposit.update({ where: { id: row.id }, data: { lastError: `payment ${payment.id} does not match the deposit` } });
    return "mismatch";
  }
  const reference = `deposit:${row.id}`;
  const payable = ["CREATING", "AWAITING_PAYMENT"] as PaymentDepositStatus[];

  const unpaid = UNPAID[payment.status];
  if (unpaid && payable.includes(row.status)) {
    const [status, movement] = unpaid;
    await db.$transaction(async (tx) => {
      const moved = await tx.deposit.updateMany({ where: { id: row!.id, status: { in: payable } }, data: { status, providerPaymentId: payment.id } });
      if (moved.count === 1) await setMovementStatus(tx, reference, movement);
    });
    return "unpaid";
  }
  if (payment.status === "succeeded" && payable.includes(row.status)) {
    await db.deposit.updateMany({
      where: { id: row.id, status: { in: payable } },
      data: { status: "PAID", providerPaymentId: payment.id, cardBrand: payment.card?.brand ?? null, cardLast4: payment.card?.last4 ?? null },
    });
    row = await db.deposit.findUniqueOrThrow({ where: { id: row.id }, select: depositSelect });
  }
  if (row.status === "PAID") {
    const credited = await creditDeposit(deps, row);
    if (credited !== "credited") return credited;
    row = await db.deposit.findUniqueOrThrow({ where: { id: row.id }, select: depositSelect });
  }
  if (row.status === "CREDITED") {
    await applyReversals(deps, row, payment);
    return "credited";
  }
  return "waiting";
}

async function findDeposit(db: Database, payment: PaymentView): Promise<DepositRow | null> {
  const byPayment = await db.deposit.findUnique({ where: { providerPaymentId: payment.id }, select: depositSelect });
  if (byPayment) return byPayment;
  // The provider made the payment but its reply was lost: the payment names our deposit.
  if (!UUID.test(payment.reference)) return null;
  return db.deposit.findFirst({ where: { id: payment.reference, providerPaymentId: null }, select: depositSelect });
}

/** The core's key of a deposit's credit: the money enters once, whoever retries. */
export const depositCreditKey = (depositId: string) => `deposit:${depositId}:credit`;

async function creditDeposit(deps: SettleDeps, row: DepositRow): Promise<"credited" | "credit_pending" | "credit_refused"> {
  const { db } = deps;
  const amount = moneyString(row.amount);
  let operationId: string;
  try {
    ({ operationId } = await deps.core.balanceOperation({
      idempotencyKey: depositCreditKey(row.id),
      login: row.account.login,
      type: "deposit",
      amount,
      comment: `Card deposit ${row.id}`,
    }));
  } catch (error) {
    if (!isCoreError(error) || error.kind === "unavailable") {
      await db.deposit.update({ where: { id: row.id }, data: { lastError: "credit: core not available" } });
      return "credit_pending";
    }
    // Paid but the core will not take it (the account was archived or disabled meanwhile):
    // the money is with the broker; staff refund it.
    await db.$transaction(async (tx) => {
      const moved = await tx.deposit.updateMany({ where: { id: row.id, status: "PAID" }, data: { status: "CREDIT_REFUSED", lastError: `credit: ${error.kind}` } });
      if (moved.count !== 1) return;
      await setMovementStatus(tx, `deposit:${row.id}`, "FAILED");
      await recordAuditEvent(tx, {
        kind: "deposit.credit_refused",
        customerId: row.customerId,
        data: { depositId: row.id, accountId: row.accountId, amount, currency: row.currency, coreError: error.kind },
        at: deps.clock.now(),
      });
    });
    return "credit_refused";
  }
  const now = deps.clock.now();
  await db.$transaction(async (tx) => {
    const moved = await tx.deposit.updateMany({ where: { id: row.id, status: "PAID" }, data: { status: "CREDITED", creditedAt: now, lastError: null } });
    if (moved.count !== 1) return;
    await setMovementStatus(tx, `deposit:${row.id}`, "COMPLETED");
    await recordAuditEvent(tx, {
      kind: "deposit.credited",
      customerId: row.customerId,
      data: { depositId: row.id, accountId: row.accountId, amount, currency: row.currency, operationId },
      at: now,
    });
  });
  return "credited";
}

/**
 * Refunds the provider made on its own and chargebacks debit the account. The provider's
 * totals only grow, so each new total is one debit under its own key; the card refunds
 * we asked for (closed-loop withdrawals, already out of the account) are not counted.
 */
async function applyReversals(deps: SettleDeps, row: DepositRow, payment: PaymentView): Promise<void> {
  const ours = await deps.db.withdrawal.aggregate({
    where: { depositId: row.id, payoutKind: "CARD_REFUND", status: { in: ["APPROVED", "PAYING", "PAID"] } },
    _sum: { amount: true },
  });
  const providerRefunds = Prisma.Decimal.max(0, new Prisma.Decimal(payment.refundedAmount).minus(ours._sum.amount ?? 0));
  await reverse(deps, row, "REFUND", providerRefunds, row.refundedAmount);
  await reverse(deps, row, "CHARGEBACK", new Prisma.Decimal(payment.chargedBackAmount), row.chargedBackAmount);
}

async function reverse(deps: SettleDeps, row: DepositRow, kind: "REFUND" | "CHARGEBACK", total: Prisma.Decimal, recorded: Prisma.Decimal) {
  if (!total.greaterThan(recorded)) return;
  const { db } = deps;
  const delta = total.minus(recorded);
  const level = total.toFixed(2);
  const key = `deposit:${row.id}:${kind.toLowerCase()}-to:${level}`;
  const column = kind === "REFUND" ? "refundedAmount" : "chargedBackAmount";
  let covered = true;
  try {
    await deps.core.balanceOperation({ idempotencyKey: key, login: row.account.login, type: "withdrawal", amount: delta.toFixed(2), comment: `${kind === "REFUND" ? "Refund" : "Chargeback"} of card deposit ${row.id}` });
  } catch (error) {
    if (!(error instanceof InsufficientFundsError) && !(isCoreError(error) && error.kind === "rejected")) throw error;
    // The account no longer holds it (spent, moved, archived): recorded for staff to recover.
    covered = false;
  }
  const now = deps.clock.now();
  await db.$transaction(async (tx) => {
    const moved = await tx.deposit.updateMany({
      where: { id: row.id, [column]: recorded },
      data: { [column]: total, ...(covered ? {} : { unrecoveredAmount: { increment: delta } }) },
    });
    if (moved.count !== 1) return;
    await recordMovement(tx, {
      customerId: row.customerId,
      accountId: row.accountId,
      kind,
      status: covered ? "COMPLETED" : "FAILED",
      amount: `-${delta.toFixed(2)}`,
      currency: row.currency,
      reference: key,
      description: covered ? `${kind === "REFUND" ? "Refund" : "Chargeback"} of a card deposit` : "Not covered by the balance: support will contact you",
      at: now,
    });
    await recordAuditEvent(tx, {
      kind: covered ? "deposit.reversed" : "deposit.reversal_unrecovered",
      customerId: row.customerId,
      data: { depositId: row.id, accountId: row.accountId, kind, amount: delta.toFixed(2), total: level, currency: row.currency },
      at: now,
    });
  });
}
