import { z } from "zod";
import { accountIdField, amountField, idempotencyKeyField } from "../accounts/fields";

/** Staff credit or debit a customer's account; the comment goes to the core and the audit log. */
export const adjustBalanceInput = z.strictObject({
  accountId: accountIdField,
  type: z.enum(["deposit", "withdrawal"]),
  amount: amountField,
  comment: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((v) => !/\p{Cc}/u.test(v), { message: "No control characters" }),
  idempotencyKey: idempotencyKeyField,
});

export const setCustomerStatusInput = z.strictObject({
  customerId: z.number().int().positive(),
  status: z.union([z.literal(0), z.literal(1)]),
});
