import type { TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
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
  let result;
  try {
    result = await deps.core.transfer({
      idempotencyKey: transferCoreKey(input.customerId, input.idempotencyKey),
      fromLogin: from.login,
      toLogin: to.login,
      amount,
      comment: `Transfer from ${from.login} to ${to.login}`,
    });
  } catch (error) {
    throw movementError(error);
  }
  await recordAuditEvent(db, {
    kind: "account.transferred",
    customerId: input.customerId,
    request,
    data: { fromAccountId: from.id, toAccountId: to.id, amount, currency: from.currency, operationId: result.operationId },
    at: deps.clock.now(),
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
