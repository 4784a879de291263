// The steps of a withdrawal after it was asked for. Each step is conditional on the state
// it starts from, and each core or provider call has a key derived from the withdrawal,
// so a step run twice (a retry, the recovery pass, two instances) happens once.
//
//   HOLDING --hold--> PENDING --approve--> APPROVED --payout--> PAYING --paid--> PAID
//   PENDING --reject/cancel--> RELEASING --release--> REJECTED / CANCELED
//   APPROVED/PAYING --provider refuses/payout fails--> RELEASING --release--> FAILED
//   HOLDING --core silent--> ABANDONED --discard--> DISCARDED
import { isCoreError, type TradingCore } from "@brokerage/core-adapter";
import type { Database, MovementStatus, WithdrawalStatus } from "@brokerage/db";
import { isPaymentProviderError, type PaymentProvider, type PayoutDestination, type PayoutView } from "@brokerage/payments";
import type { Clock } from "../clock";
import { recordAuditEvent } from "../audit/record-audit-event";
import { moneyString } from "../accounts/money";
import { houseAccountLogin } from "../money/house-accounts";
import { setMovementStatus } from "../money/movements";
import { decryptSecret } from "../otp/secret-box";
import { withdrawalSelect, type WithdrawalRow } from "./withdrawal-view";

export interface WithdrawalDeps {
  db: Database;
  core: TradingCore;
  clock: Clock;
  payments: PaymentProvider | null;
}

export const holdKey = (id: string) => `withdrawal:${id}:hold`;
const releaseKey = (id: string) => `withdrawal:${id}:release`;
const payoutKey = (id: string) => `withdrawal:${id}:payout`;
const houseDebitKey = (id: string) => `withdrawal:${id}:paid`;

export const readWithdrawal = (db: Database, id: string) => db.withdrawal.findUniqueOrThrow({ where: { id }, select: withdrawalSelect });

const MOVEMENT_OF: Partial<Record<WithdrawalStatus, MovementStatus>> = {
  REJECTED: "REJECTED",
  CANCELED: "CANCELED",
  FAILED: "FAILED",
};

/**
 * Gives a held amount back to the account (RELEASING -> its outcome). When the core does
 * not answer it stays RELEASING and the recovery pass finishes it; `false` then.
 */
export async function releaseHold(deps: WithdrawalDeps, row: WithdrawalRow): Promise<boolean> {
  if (row.status !== "RELEASING" || !row.releaseOutcome) return false;
  const house = await houseAccountLogin(deps, row.currency);
  try {
    await deps.core.transfer({
      idempotencyKey: releaseKey(row.id),
      fromLogin: house,
      toLogin: row.account.login,
      amount: moneyString(row.amount),
      comment: `Withdrawal ${row.id} released`,
    });
  } catch (error) {
    if (isCoreError(error) && error.kind !== "unavailable") {
      // The account was archived meanwhile: the money stays with the broker for staff.
      await deps.db.withdrawal.update({ where: { id: row.id }, data: { failureReason: `release refused: ${error.kind}` } });
    }
    return false;
  }
  const outcome = row.releaseOutcome;
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.withdrawal.updateMany({ where: { id: row.id, status: "RELEASING" }, data: { status: outcome } });
    if (moved.count !== 1) return;
    const movement = MOVEMENT_OF[outcome];
    if (movement) await setMovementStatus(tx, `withdrawal:${row.id}`, movement);
    if (outcome === "FAILED") {
      await recordAuditEvent(tx, {
        kind: "withdrawal.failed",
        customerId: row.customerId,
        data: { withdrawalId: row.id, amount: moneyString(row.amount), currency: row.currency, reason: row.failureReason },
        at: deps.clock.now(),
      });
    }
  });
  return true;
}

/** Moves a PENDING (or, for the provider's refusal, APPROVED/PAYING) withdrawal to RELEASING. */
export async function startRelease(
  deps: WithdrawalDeps,
  id: string,
  from: WithdrawalStatus[],
  outcome: "REJECTED" | "CANCELED" | "FAILED",
  data: { deciderId?: number; rejectionReason?: string; failureReason?: string } = {},
): Promise<boolean> {
  const moved = await deps.db.withdrawal.updateMany({
    where: { id, status: { in: from } },
    data: { status: "RELEASING", releaseOutcome: outcome, ...data, ...(data.deciderId ? { decidedAt: deps.clock.now() } : {}) },
  });
  return moved.count === 1;
}

function destinationOf(row: WithdrawalRow): PayoutDestination {
  if (row.payoutKind === "CARD_REFUND") {
    if (!row.deposit?.providerPaymentId) throw new Error(`Withdrawal ${row.id} has no card payment to refund`);
    return { kind: "card_refund", paymentId: row.deposit.providerPaymentId };
  }
  const method = row.payoutMethod;
  if (!method) throw new Error(`Withdrawal ${row.id} has no payout method`);
  return { kind: "bank", iban: decryptSecret(method.ibanEnc), bic: method.bic, holderName: method.holderName };
}

/**
 * Asks the provider to pay an APPROVED withdrawal out (-> PAYING). A provider that does
 * not answer leaves it APPROVED (the key makes the retry safe); one that refuses sends the
 * money back to the account (-> FAILED).
 */
export async function requestPayout(deps: WithdrawalDeps, row: WithdrawalRow): Promise<"paying" | "pending" | "failed"> {
  if (row.status !== "APPROVED") return "pending";
  if (!deps.payments) return "pending";
  let payout: PayoutView;
  try {
    payout = await deps.payments.createPayout({
      idempotencyKey: payoutKey(row.id),
      amount: moneyString(row.amount),
      currency: row.currency,
      reference: row.id,
      destination: destinationOf(row),
    });
  } catch (error) {
    if (isPaymentProviderError(error) && error.kind !== "unavailable") {
      if (await startRelease(deps, row.id, ["APPROVED"], "FAILED", { failureReason: `provider refused: ${"reason" in error ? String(error.reason) : error.kind}` })) {
        await releaseHold(deps, await readWithdrawal(deps.db, row.id));
      }
      return "failed";
    }
    return "pending";
  }
  await deps.db.withdrawal.updateMany({ where: { id: row.id, status: "APPROVED" }, data: { status: "PAYING", providerPayoutId: payout.id } });
  if (payout.status !== "pending") await settlePayout(deps, payout);
  return "paying";
}

/**
 * The provider's word on a payout: paid takes the money out of the broker's hold (the
 * core's house account; once), failed gives it back to the account.
 */
export async function settlePayout(deps: WithdrawalDeps, payout: PayoutView): Promise<void> {
  const found = await deps.db.withdrawal.findFirst({
    where: {
      OR: [{ providerPayoutId: payout.id }, ...(isUuid(payout.reference) ? [{ id: payout.reference, providerPayoutId: null }] : [])],
    },
    select: withdrawalSelect,
  });
  if (!found || found.amount.toFixed(2) !== payout.amount || found.currency !== payout.currency) return;
  let row = found;
  if (row.status === "APPROVED") {
    // The payout was made but the reply was lost: its reference names us.
    await deps.db.withdrawal.updateMany({ where: { id: row.id, status: "APPROVED" }, data: { status: "PAYING", providerPayoutId: payout.id } });
    row = await readWithdrawal(deps.db, row.id);
  }
  if (row.status !== "PAYING") return;
  if (payout.status === "failed") {
    if (await startRelease(deps, row.id, ["PAYING"], "FAILED", { failureReason: payout.failureReason ?? "payout failed" })) {
      await releaseHold(deps, await readWithdrawal(deps.db, row.id));
    }
    return;
  }
  if (payout.status !== "paid") return;
  const house = await houseAccountLogin(deps, row.currency);
  const amount = moneyString(row.amount);
  try {
    await deps.core.balanceOperation({ idempotencyKey: houseDebitKey(row.id), login: house, type: "withdrawal", amount, comment: `Withdrawal ${row.id} paid out` });
  } catch {
    return; // the recovery pass tries again with the same key
  }
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.withdrawal.updateMany({ where: { id: row.id, status: "PAYING" }, data: { status: "PAID", paidAt: now } });
    if (moved.count !== 1) return;
    await setMovementStatus(tx, `withdrawal:${row.id}`, "COMPLETED");
    await recordAuditEvent(tx, {
      kind: "withdrawal.paid",
      customerId: row.customerId,
      data: { withdrawalId: row.id, amount, currency: row.currency, payoutId: payout.id },
      at: now,
    });
  });
}

/**
 * An ABANDONED hold (the core did not answer while the customer waited): the same key
 * again tells whether it was made (or makes it now), then it is given back. Nothing stays
 * held for a request the customer was told failed.
 */
export async function discardAbandoned(deps: WithdrawalDeps, row: WithdrawalRow): Promise<boolean> {
  if (row.status !== "ABANDONED") return false;
  const house = await houseAccountLogin(deps, row.currency);
  const amount = moneyString(row.amount);
  let held = true;
  try {
    await deps.core.transfer({ idempotencyKey: holdKey(row.id), fromLogin: row.account.login, toLogin: house, amount, comment: `Withdrawal ${row.id} hold` });
  } catch (error) {
    if (!isCoreError(error) || error.kind === "unavailable") return false;
    held = false; // refused now, so it was never made: nothing to give back
  }
  if (held) {
    try {
      await deps.core.transfer({ idempotencyKey: releaseKey(row.id), fromLogin: house, toLogin: row.account.login, amount, comment: `Withdrawal ${row.id} discarded` });
    } catch {
      return false;
    }
  }
  const done = await deps.db.withdrawal.updateMany({ where: { id: row.id, status: "ABANDONED" }, data: { status: "DISCARDED" } });
  return done.count === 1;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
