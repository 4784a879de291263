import { isCoreError } from "@brokerage/core-adapter";
import { Prisma } from "@brokerage/db";
import type { RequestMeta } from "../context";
import type { RateLimits } from "../rate-limit/rate-limits";
import { recordAuditEvent } from "../audit/record-audit-event";
import { coreUnavailable } from "../accounts/core-errors";
import { moneyString } from "../accounts/money";
import { movementError } from "../accounts/movement-errors";
import { assertNoArchivalUnderWay, findOwnAccount } from "../accounts/own-account";
import { assertMoneyAccount } from "../deposits/create-deposit";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import { getKycState, isKycApproved, kycRequiredPayload } from "../kyc";
import { houseAccountLogin } from "../money/house-accounts";
import { limitsFor, startOfUtcDay } from "../money/limits";
import { startMoneyOperation } from "../money/customer-lock";
import { recordMovement } from "../money/movements";
import { requireRecentAuthentication } from "../session/reauthentication";
import { requireStepUp } from "../step-up/require-step-up";
import type { StepUpInput } from "@brokerage/validators";
import type { CustomerSession } from "../session/resolve-session";
import { holdKey, readWithdrawal, type WithdrawalDeps } from "./lifecycle";
import { COUNTING_STATUSES, withdrawalSelect, withdrawalView } from "./withdrawal-view";

export interface RequestWithdrawalInput {
  accountId: number;
  amount: string;
  payoutMethodId?: string | undefined;
  /** The confirmation (issue 16): without it, 403 STEP_UP_REQUIRED names a challenge. */
  stepUp?: StepUpInput | undefined;
  idempotencyKey: string;
}

/** What each card deposit in `currency` still has to get back before money may go elsewhere. */
export async function cardDepositsOutstanding(db: WithdrawalDeps["db"], customerId: number, currency: string) {
  const deposits = await db.deposit.findMany({
    where: { customerId, currency, status: "CREDITED" },
    orderBy: { creditedAt: "asc" },
    select: { id: true, amount: true, refundedAmount: true, chargedBackAmount: true },
  });
  if (deposits.length === 0) return [];
  const paidBack = await db.withdrawal.groupBy({
    by: ["depositId"],
    where: { depositId: { in: deposits.map((d) => d.id) }, status: { in: [...COUNTING_STATUSES, "RELEASING"] } },
    _sum: { amount: true },
  });
  const back = new Map(paidBack.map((p) => [p.depositId, p._sum.amount ?? new Prisma.Decimal(0)]));
  return deposits
    .map((d) => ({ depositId: d.id, outstanding: d.amount.minus(d.refundedAmount).minus(d.chargedBackAmount).minus(back.get(d.id) ?? 0) }))
    .filter((d) => d.outstanding.greaterThan(0));
}

/**
 * A withdrawal: checked, then the amount is held at once (moved in the core to the
 * broker's hold account, so neither a transfer, a conversion nor the trading terminal can
 * spend it), then it waits for FINANCE. Order of refusals: the account (404/403/409),
 * KYC (403 KYC_REQUIRED), re-authentication (401 REAUTH_REQUIRED), the destination,
 * the daily limit (409 LIMIT_EXCEEDED), the confirmation (403 STEP_UP_REQUIRED without
 * one, bound to the account, amount, currency and destination; see step-up/), the balance
 * (409 INSUFFICIENT_FUNDS). A repeat of an earlier request (same idempotency key) needs no
 * new confirmation: it answers what the first one got.
 */
export async function requestWithdrawal(
  deps: WithdrawalDeps & { rateLimits: RateLimits },
  session: CustomerSession,
  input: RequestWithdrawalInput,
  request: RequestMeta,
) {
  const { db } = deps;
  const customerId = session.customerId;
  const amount = new Prisma.Decimal(input.amount);

  const repeat = await db.withdrawal.findUnique({
    where: { customerId_idempotencyKey: { customerId, idempotencyKey: input.idempotencyKey } },
    select: withdrawalSelect,
  });
  if (repeat) return answerRepeat(repeat, input, amount);

  const account = await findOwnAccount(db, customerId, input.accountId);
  assertMoneyAccount(account, "withdrawal");
  await assertNoArchivalUnderWay(db, [account.id]);
  const kyc = await getKycState(db, customerId);
  if (!isKycApproved(kyc)) throw new DomainError("KYC_REQUIRED", { details: kycRequiredPayload(kyc) });
  // With a confirmation, step-up decides: a TOTP or SMS code is itself a re-authentication.
  if (!input.stepUp) await requireRecentAuthentication(deps, session);

  // Closed loop: card money goes back to its card first.
  const outstanding = await cardDepositsOutstanding(db, customerId, account.currency);
  const card = outstanding[0];
  let destination: { payoutKind: "CARD_REFUND"; depositId: string } | { payoutKind: "BANK"; payoutMethodId: string };
  if (card) {
    if (amount.greaterThan(card.outstanding)) {
      throw new DomainError("INVALID_DATA", {
        message: `Card deposits are paid back to their card first: at most ${card.outstanding.toFixed(2)} ${account.currency} now`,
        details: { max: card.outstanding.toFixed(2), currency: account.currency },
        fieldErrors: { amount: [`At most ${card.outstanding.toFixed(2)} ${account.currency} goes back to your card first`] },
        fieldCodes: { amount: ["CARD_REFUND_FIRST"] },
      });
    }
    destination = { payoutKind: "CARD_REFUND", depositId: card.depositId };
  } else {
    if (!input.payoutMethodId) {
      throw new DomainError("INVALID_DATA", { fieldErrors: { payoutMethodId: ["Choose a bank account"] }, fieldCodes: { payoutMethodId: ["REQUIRED"] } });
    }
    const method = await db.payoutMethod.findFirst({ where: { id: input.payoutMethodId, customerId, removedAt: null }, select: { id: true } });
    if (!method) {
      throw new DomainError("INVALID_DATA", { fieldErrors: { payoutMethodId: ["No such bank account"] }, fieldCodes: { payoutMethodId: ["UNKNOWN_REFERENCE"] } });
    }
    destination = { payoutKind: "BANK", payoutMethodId: method.id };
  }

  const limit = limitsFor(account.currency).withdrawalDaily;
  const dayStart = startOfUtcDay(deps.clock.now());
  const assertDailyLimit = async (tx: Pick<WithdrawalDeps["db"], "withdrawal">) => {
    const used = await tx.withdrawal.aggregate({
      where: { customerId, currency: account.currency, createdAt: { gte: dayStart }, status: { in: [...COUNTING_STATUSES] } },
      _sum: { amount: true },
    });
    const usedToday = used._sum.amount ?? new Prisma.Decimal(0);
    if (usedToday.plus(amount).greaterThan(limit)) {
      const remaining = Prisma.Decimal.max(0, limit.minus(usedToday));
      throw new DomainError("LIMIT_EXCEEDED", {
        message: `Withdrawals are limited to ${limit.toFixed(2)} ${account.currency} a day; ${remaining.toFixed(2)} left today`,
        details: { limit: limit.toFixed(2), currency: account.currency, remaining: remaining.toFixed(2), kind: "daily" },
        fieldErrors: { amount: [`${remaining.toFixed(2)} ${account.currency} left today`] },
        fieldCodes: { amount: ["DAILY_LIMIT"] },
      });
    }
  };
  await assertDailyLimit(db);

  await requireStepUp(
    deps,
    session,
    {
      operation: "withdrawals.request",
      params: {
        accountId: account.id,
        amount: moneyString(amount),
        currency: account.currency,
        destination: destination.payoutKind === "BANK" ? `bank:${destination.payoutMethodId}` : `card:${destination.depositId}`,
      },
      summary: {
        en: `withdrawal of ${moneyString(amount)} ${account.currency} from account ${account.login}`,
        de: `Auszahlung von ${moneyString(amount)} ${account.currency} von Konto ${account.login}`,
      },
    },
    input.stepUp,
    request,
  );

  const house = await houseAccountLogin(deps, account.currency);
  let row;
  try {
    row = await db.$transaction(async (tx) => {
      // Serialised with a closure of the relationship (refused once it is closed).
      await startMoneyOperation(tx, customerId);
      // One request per customer at a time: the daily limit holds under parallel requests.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('withdrawals'), ${customerId})`;
      await assertDailyLimit(tx);
      return tx.withdrawal.create({
        data: { customerId, accountId: account.id, amount, currency: account.currency, idempotencyKey: input.idempotencyKey, ...destination },
        select: withdrawalSelect,
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.withdrawal.findUniqueOrThrow({
      where: { customerId_idempotencyKey: { customerId, idempotencyKey: input.idempotencyKey } },
      select: withdrawalSelect,
    });
    return answerRepeat(winner, input, amount);
  }

  try {
    await deps.core.transfer({ idempotencyKey: holdKey(row.id), fromLogin: account.login, toLogin: house, amount: moneyString(amount), comment: `Withdrawal ${row.id} hold` });
  } catch (error) {
    if (isCoreError(error) && error.kind !== "unavailable") {
      // Refused (insufficient funds, archived): nothing was held, nothing is kept.
      await db.withdrawal.deleteMany({ where: { id: row.id, status: "HOLDING" } });
      throw movementError(error);
    }
    // Unknown outcome: final for the customer; the recovery pass gives back anything held.
    await db.withdrawal.updateMany({ where: { id: row.id, status: "HOLDING" }, data: { status: "ABANDONED" } });
    throw coreUnavailable(error);
  }
  const now = deps.clock.now();
  await db.$transaction(async (tx) => {
    const moved = await tx.withdrawal.updateMany({ where: { id: row.id, status: "HOLDING" }, data: { status: "PENDING" } });
    if (moved.count !== 1) return;
    await recordMovement(tx, {
      customerId,
      accountId: account.id,
      kind: "WITHDRAWAL",
      status: "PENDING",
      amount: `-${moneyString(amount)}`,
      currency: account.currency,
      reference: `withdrawal:${row.id}`,
      description: destination.payoutKind === "CARD_REFUND" ? "Back to your card" : "To your bank account",
      at: now,
    });
    await recordAuditEvent(tx, {
      kind: "withdrawal.requested",
      customerId,
      request,
      data: { withdrawalId: row.id, accountId: account.id, amount: moneyString(amount), currency: account.currency, payoutKind: destination.payoutKind },
      at: now,
    });
  });
  return withdrawalView(await readWithdrawal(db, row.id));
}

function answerRepeat(row: Awaited<ReturnType<typeof readWithdrawal>>, input: RequestWithdrawalInput, amount: Prisma.Decimal) {
  if (row.accountId !== input.accountId || !row.amount.equals(amount)) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", {
      fieldErrors: { idempotencyKey: ["This key was used for another withdrawal"] },
      fieldCodes: { idempotencyKey: ["KEY_REUSED"] },
    });
  }
  // The first attempt's answer was a final CORE_NOT_AVAILABLE: so is its repeat.
  if (row.status === "ABANDONED" || row.status === "DISCARDED") throw coreUnavailable(null);
  return withdrawalView(row);
}
