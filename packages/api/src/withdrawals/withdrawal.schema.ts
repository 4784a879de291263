import { stepUpField } from "@brokerage/validators";
import { z } from "zod";
import { accountIdField, amountField, idempotencyKeyField } from "../accounts/fields";

/**
 * Money out of one of the caller's REAL accounts or wallets. `payoutMethodId` names a saved
 * bank account; while card deposits are not yet paid back, the money goes back to the card
 * instead (closed loop) and it may be left out. `stepUp`: the confirmation of this very
 * withdrawal (403 STEP_UP_REQUIRED without it).
 */
export const requestWithdrawalInput = z.strictObject({
  accountId: accountIdField,
  amount: amountField,
  payoutMethodId: z.uuid().optional(),
  stepUp: stepUpField.optional(),
  idempotencyKey: idempotencyKeyField,
});

export const withdrawalIdInput = z.strictObject({ withdrawalId: z.uuid() });

export const listWithdrawalsInput = z.strictObject({
  accountId: accountIdField.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
