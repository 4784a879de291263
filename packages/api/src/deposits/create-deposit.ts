import type { PaymentProvider } from "@brokerage/payments";
import { Prisma, type Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import type { RateLimits } from "../rate-limit/rate-limits";
import { env } from "../env";
import { recordAuditEvent } from "../audit/record-audit-event";
import { moneyString } from "../accounts/money";
import { assertNoArchivalUnderWay, assertNotArchived, findOwnAccount, type OwnAccount } from "../accounts/own-account";
import { hasPermission } from "../accounts/permissions";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import { limitsFor } from "../money/limits";
import { startMoneyOperation } from "../money/customer-lock";
import { recordMovement } from "../money/movements";
import { providerError, requireProvider } from "../payment-provider/provider-errors";
import { depositSelect, depositView, type DepositRow } from "./deposit-view";

export interface DepositDeps {
  db: Database;
  clock: Clock;
  payments: PaymentProvider | null;
  rateLimits: RateLimits;
}

export interface CreateDepositInput {
  customerId: number;
  accountId: number;
  amount: string;
  idempotencyKey: string;
}

/** The provider's key: one payment per deposit, whatever the retries. */
export const depositPaymentKey = (depositId: string) => `deposit:${depositId}`;

/** Where the provider's page sends the payer back. */
export const depositReturnUrl = (depositId: string) => `${env.PORTAL_BASE_URL}/money/deposits/${depositId}`;

/** 403 FORBIDDEN for DEMO accounts (their money is the opening deposit), 409 for archived ones. */
export function assertMoneyAccount(account: OwnAccount, permission: "deposit" | "withdrawal"): void {
  assertNotArchived(account);
  if (!hasPermission(account, permission)) {
    throw new DomainError("FORBIDDEN", {
      message: "Demo accounts have no money operations: their money is the opening deposit",
      fieldErrors: { accountId: ["Demo accounts have no deposits or withdrawals"] },
      fieldCodes: { accountId: ["DEMO_ACCOUNT"] },
    });
  }
}

/** LIMIT_EXCEEDED (409) with the limit and currency when an amount is outside [min, max]. */
export function assertWithinLimits(amount: Prisma.Decimal, currency: string, min: Prisma.Decimal, max: Prisma.Decimal) {
  if (amount.lessThan(min)) {
    throw new DomainError("LIMIT_EXCEEDED", {
      message: `The smallest amount is ${min.toFixed(2)} ${currency}`,
      details: { limit: min.toFixed(2), currency, kind: "minimum" },
      fieldErrors: { amount: [`At least ${min.toFixed(2)} ${currency}`] },
      fieldCodes: { amount: ["BELOW_MINIMUM"] },
    });
  }
  if (amount.greaterThan(max)) {
    throw new DomainError("LIMIT_EXCEEDED", {
      message: `The largest amount is ${max.toFixed(2)} ${currency}`,
      details: { limit: max.toFixed(2), currency, kind: "maximum" },
      fieldErrors: { amount: [`At most ${max.toFixed(2)} ${currency}`] },
      fieldCodes: { amount: ["ABOVE_MAXIMUM"] },
    });
  }
}

/**
 * Starts a deposit: recorded (and shown PENDING in the history) before the provider is
 * asked for a payment, so a lost reply is finished by the same call again (same key)
 * or by the reconciliation pass. Answers the provider's page to pay on. New deposits are
 * throttled per customer (20 an hour: TOO_MANY_ATTEMPTS, nothing recorded).
 */
export async function createDeposit(deps: DepositDeps, input: CreateDepositInput, request: RequestMeta) {
  const { db } = deps;
  const payments = requireProvider(deps.payments);
  const amount = new Prisma.Decimal(input.amount);

  const existing = await db.deposit.findUnique({
    where: { customerId_idempotencyKey: { customerId: input.customerId, idempotencyKey: input.idempotencyKey } },
    select: depositSelect,
  });
  let row: DepositRow;
  if (existing) {
    if (existing.accountId !== input.accountId || !existing.amount.equals(amount)) throw keyReused();
    row = existing;
  } else {
    // Only a new deposit counts: a retry with the same key asks the provider for nothing new.
    await deps.rateLimits.consume("depositCreate", String(input.customerId));
    const account = await findOwnAccount(db, input.customerId, input.accountId);
    assertMoneyAccount(account, "deposit");
    await assertNoArchivalUnderWay(db, [account.id]);
    const limits = limitsFor(account.currency);
    assertWithinLimits(amount, account.currency, limits.depositMin, limits.depositMax);
    try {
      row = await db.$transaction(async (tx) => {
        // Serialised with a closure of the relationship (refused once it is closed).
        await startMoneyOperation(tx, input.customerId);
        const created = await tx.deposit.create({
          data: { customerId: input.customerId, accountId: account.id, amount, currency: account.currency, idempotencyKey: input.idempotencyKey },
          select: depositSelect,
        });
        await recordMovement(tx, {
          customerId: input.customerId,
          accountId: account.id,
          kind: "DEPOSIT",
          status: "PENDING",
          amount: moneyString(amount),
          currency: account.currency,
          reference: `deposit:${created.id}`,
          description: "Card payment",
          at: deps.clock.now(),
        });
        await recordAuditEvent(tx, {
          kind: "deposit.requested",
          customerId: input.customerId,
          request,
          data: { depositId: created.id, accountId: account.id, amount: moneyString(amount), currency: account.currency },
          at: deps.clock.now(),
        });
        return created;
      });
    } catch (error) {
      // The same key in parallel: the other request made it; answer as a repeat.
      if (!isUniqueViolation(error)) throw error;
      const winner = await db.deposit.findUniqueOrThrow({
        where: { customerId_idempotencyKey: { customerId: input.customerId, idempotencyKey: input.idempotencyKey } },
        select: depositSelect,
      });
      if (winner.accountId !== input.accountId || !winner.amount.equals(amount)) throw keyReused();
      row = winner;
    }
  }
  if (row.status !== "CREATING") return depositView(row);

  let payment;
  try {
    payment = await payments.createPayment({
      idempotencyKey: depositPaymentKey(row.id),
      amount: moneyString(row.amount),
      currency: row.currency,
      reference: row.id,
      returnUrl: depositReturnUrl(row.id),
      description: `Deposit to account ${row.account.login}`,
    });
  } catch (error) {
    throw providerError(error);
  }
  await db.deposit.updateMany({
    where: { id: row.id, status: "CREATING" },
    data: { status: "AWAITING_PAYMENT", providerPaymentId: payment.id, paymentPageUrl: payment.paymentPageUrl },
  });
  return depositView(await db.deposit.findUniqueOrThrow({ where: { id: row.id }, select: depositSelect }));
}

const keyReused = () =>
  new DomainError("IDEMPOTENCY_KEY_REUSED", {
    fieldErrors: { idempotencyKey: ["This key was used for another deposit"] },
    fieldCodes: { idempotencyKey: ["KEY_REUSED"] },
  });
