import type { TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { moneyString } from "../accounts/money";
import { movementError } from "../accounts/movement-errors";
import { accountNotFound, assertNoArchivalUnderWay, assertNotArchived } from "../accounts/own-account";

export interface BalanceAdjustmentInput {
  staffId: number;
  accountId: number;
  type: "deposit" | "withdrawal";
  amount: string;
  comment: string;
  idempotencyKey: string;
}

/** The core's key, prefixed with the staff member so two colleagues' keys never meet. */
export const adjustmentCoreKey = (staffId: number, key: string) => `staff-adjustment:${staffId}:${key}`;

/**
 * Staff credit or debit a customer's account with a comment: how real money enters
 * until payments exist. At most once per key; audited with the staff id.
 */
export async function adjustBalance(
  deps: { db: Database; core: TradingCore; clock: Clock },
  input: BalanceAdjustmentInput,
  request: RequestMeta,
) {
  const { db } = deps;
  const account = await db.account.findUnique({
    where: { id: input.accountId },
    select: { id: true, customerId: true, login: true, currency: true, archivedAt: true },
  });
  if (!account) throw accountNotFound();
  assertNotArchived(account);
  await assertNoArchivalUnderWay(db, [account.id]);
  const amount = moneyString(input.amount);
  let result;
  try {
    result = await deps.core.balanceOperation({
      idempotencyKey: adjustmentCoreKey(input.staffId, input.idempotencyKey),
      login: account.login,
      type: input.type,
      amount,
      comment: input.comment,
    });
  } catch (error) {
    throw movementError(error);
  }
  await recordAuditEvent(db, {
    kind: "account.balance_adjusted",
    customerId: account.customerId,
    staffId: input.staffId,
    request,
    data: {
      accountId: account.id,
      login: account.login,
      type: input.type,
      amount,
      currency: account.currency,
      comment: input.comment,
      operationId: result.operationId,
    },
    at: deps.clock.now(),
  });
  return {
    operationId: result.operationId,
    accountId: account.id,
    login: account.login,
    type: input.type,
    amount,
    currency: account.currency,
    balance: result.balance,
  };
}
