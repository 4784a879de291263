import { z } from "zod";
import { accountIdField, amountField, idempotencyKeyField } from "../accounts/fields";

/** A deposit to one of the caller's REAL accounts or wallets, paid on the provider's page. */
export const createDepositInput = z.strictObject({
  accountId: accountIdField,
  amount: amountField,
  idempotencyKey: idempotencyKeyField,
});

export const depositIdInput = z.strictObject({ depositId: z.uuid() });

export const listDepositsInput = z.strictObject({
  accountId: accountIdField.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
