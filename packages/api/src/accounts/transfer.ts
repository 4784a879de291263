import { CoreRejectedError, isCoreError, type TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { startMoneyOperation } from "../money/customer-lock";
import { recordMovement, setMovementStatus } from "../money/movements";
import { moneyString } from "./money";
import { movementError } from "./movement-errors";
import { assertNoArchivalUnderWay, assertNotArchived, findOwnAccount } from "./own-account";
import { hasPermission } from "./permissions";

export interface TransferDeps {
  db: Database;
  core: TradingCore;
  clock: Clock;
}

export interface TransferInput {
  customerId: number;
  fromAccountId: number;
  toAccountId: number;
  /** Positive, at most two decimals. */
  amount: string;
  /** A repeat with the same key moves the money once and answers the same. */
  idempotencyKey: string;
}

/**
 * The core's key: prefixed with the customer, so two customers choosing the same key
 * never meet in the core (one would get the other's result, or a conflict).
 */
export const transferCoreKey = (customerId: number, key: string) => `customer-transfer:${customerId}:${key}`;

/** Part of the core request (and so of its idempotency fingerprint): the recovery pass sends the same. */
const transferComment = (fromLogin: number, toLogin: number) => `Transfer from ${fromLogin} to ${toLogin}`;

/**
 * Transfers the core did not answer for (their history legs still PENDING): the same key
 * again either finds the first result or moves the money now, as the customer's own retry
 * would (both accounts are theirs); a refusal now means nothing moved, and the legs go.
 */
export async function resumeTransfers(deps: Pick<TransferDeps, "db" | "core">, options: { before: Date }) {
  const legs = await deps.db.moneyMovement.findMany({
    where: { kind: "TRANSFER", status: "PENDING", updatedAt: { lte: options.before } },
    orderBy: { updatedAt: "asc" },
    take: 100,
    select: { reference: true, amount: true, account: { select: { login: true } } },
  });
  const byReference = new Map<string, typeof legs>();
  for (const leg of legs) byReference.set(leg.reference, [...(byReference.get(leg.reference) ?? []), leg]);
  const counts = { completed: 0, dropped: 0, failures: 0 };
  for (const [reference, pair] of byReference) {
    const from = pair.find((l) => l.amount.isNegative());
    const to = pair.find((l) => l.amount.isPositive());
    if (!from || !to) continue;
    try {
      await deps.core.transfer({
        idempotencyKey: reference.slice("transfer:".length),
        fromLogin: from.account.login,
        toLogin: to.account.login,
        amount: moneyString(to.amount),
        comment: transferComment(from.account.login, to.account.login),
      });
    } catch (error) {
      if (isCoreError(error) && error.kind !== "unavailable") {
        await deps.db.moneyMovement.deleteMany({ where: { reference, status: "PENDING" } });
        counts.dropped++;
      } else counts.failures++;
      continue;
    }
    await setMovementStatus(deps.db, reference, "COMPLETED");
    counts.completed++;
  }
  return counts;
}

/**
 * Money between two of the customer's own REAL accounts or wallets of one currency. The
 * core moves it atomically and at most once per key; a core that does not answer is
 * CORE_NOT_AVAILABLE, and repeating the call with the same key is safe.
 */
export async function transferBetweenOwnAccounts(deps: TransferDeps, input: TransferInput, request: RequestMeta) {
  const { db } = deps;
  const from = await findOwnAccount(db, input.customerId, input.fromAccountId);
  const to = await findOwnAccount(db, input.customerId, input.toAccountId);
  if (from.id === to.id) {
    throw new DomainError("INVALID_DATA", { fieldErrors: { toAccountId: ["Choose another account than the source"] }, fieldCodes: { toAccountId: ["SAME_ACCOUNT"] } });
  }
  assertNotArchived(from);
  assertNotArchived(to);
  if (!hasPermission(from, "transferWithdrawal")) {
    throw new DomainError("INVALID_DATA", { fieldErrors: { fromAccountId: ["Demo accounts take no transfers"] }, fieldCodes: { fromAccountId: ["DEMO_ACCOUNT"] } });
  }
  if (!hasPermission(to, "transferDeposit")) {
    throw new DomainError("INVALID_DATA", { fieldErrors: { toAccountId: ["Demo accounts take no transfers"] }, fieldCodes: { toAccountId: ["DEMO_ACCOUNT"] } });
  }
  if (from.currency !== to.currency) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { toAccountId: [`Choose a ${from.currency} account: no currency exchange here`] }, fieldCodes: { toAccountId: ["CURRENCY_MISMATCH"] },
    });
  }
  await assertNoArchivalUnderWay(db, [from.id, to.id]);

  const amount = moneyString(input.amount);
  const coreKey = transferCoreKey(input.customerId, input.idempotencyKey);
  const reference = `transfer:${coreKey}`;
  // Recorded PENDING before the core is asked: a reply the core loses leaves a trace the
  // recovery pass finishes (resumeTransfers), so the history never misses money that moved.
  const leg = { customerId: input.customerId, kind: "TRANSFER", status: "PENDING", currency: from.currency, reference, at: deps.clock.now() } as const;
  await db.$transaction(async (tx) => {
    // Serialised with a closure of the relationship (refused once it is closed).
    await startMoneyOperation(tx, input.customerId);
    await recordMovement(tx, { ...leg, accountId: from.id, counterpartyAccountId: to.id, amount: `-${amount}`, description: `To ${to.login}` }, { keepStatus: true });
    await recordMovement(tx, { ...leg, accountId: to.id, counterpartyAccountId: from.id, amount, description: `From ${from.login}` }, { keepStatus: true });
  });
  let result;
  try {
    result = await deps.core.transfer({ idempotencyKey: coreKey, fromLogin: from.login, toLogin: to.login, amount, comment: transferComment(from.login, to.login) });
  } catch (error) {
    // Refused: the core made nothing for this key (a conflict means the key belongs to an earlier transfer).
    if (isCoreError(error) && error.kind !== "unavailable" && !(error instanceof CoreRejectedError && error.reason === "idempotency_conflict")) {
      await db.moneyMovement.deleteMany({ where: { reference, status: "PENDING" } });
    }
    throw movementError(error);
  }
  await db.$transaction(async (tx) => {
    await setMovementStatus(tx, reference, "COMPLETED");
    await recordAuditEvent(tx, {
      kind: "account.transferred",
      customerId: input.customerId,
      request,
      data: { fromAccountId: from.id, toAccountId: to.id, amount, currency: from.currency, operationId: result.operationId },
      at: deps.clock.now(),
    });
  });
  return {
    operationId: result.operationId,
    fromAccountId: from.id,
    toAccountId: to.id,
    amount,
    currency: from.currency,
    fromBalance: result.fromBalance,
    toBalance: result.toBalance,
  };
}
