import { z } from "zod";
import { accountIdField, amountField, idempotencyKeyField } from "./fields";

/** Money between two of the caller's own REAL accounts or wallets of one currency. */
export const transferInput = z.strictObject({
  fromAccountId: accountIdField,
  toAccountId: accountIdField,
  amount: amountField,
  idempotencyKey: idempotencyKeyField,
});
