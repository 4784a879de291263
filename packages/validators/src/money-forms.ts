// The portal's deposit, withdrawal and bank-account forms. The procedures parse their own
// inputs (packages/api/src/deposits, withdrawals, payout-methods); these are the same rules
// as a form holds them (an account chosen in a list is its id as text; the idempotency key
// comes from the form kit), so nothing the server would refuse for its shape is sent.
import { z } from "zod";
import { amountField } from "./amount";
import { withCode } from "./field-codes";

/** An account picked from a list: its portal id, as the <select> holds it. */
export const accountChoiceField = z
  .string()
  .trim()
  .min(1)
  .refine((v) => v === "" || /^\d{1,10}$/.test(v), withCode("NOT_ALLOWED", "Choose an account from the list"))
  .transform(Number)
  .refine((id) => id >= 1 && id <= 2_147_483_647, withCode("NOT_ALLOWED", "Choose an account from the list"));

/** /money/deposit: the account and the amount; the provider's page asks for the card. */
export const depositForm = z.strictObject({
  accountId: accountChoiceField,
  amount: amountField,
});

/** The choice of destination in the withdrawal form: a saved bank account's id, or "" (none chosen). */
export const payoutChoiceField = z
  .string()
  .trim()
  .refine((v) => v === "" || z.uuid().safeParse(v).success, withCode("NOT_ALLOWED", "Choose one of your bank accounts"))
  .transform((v) => (v === "" ? undefined : v));

/** /money/withdraw. The confirmation (step-up) is asked for by the shared prompt when the server wants it. */
export const withdrawalForm = z.strictObject({
  accountId: accountChoiceField,
  amount: amountField,
  payoutMethodId: payoutChoiceField,
});

/** A bank account for withdrawals (IBAN and BIC may be typed with spaces; the server checks them). */
export const payoutMethodForm = z.strictObject({
  iban: z.string().trim().min(1).max(64),
  bic: z.string().trim().min(1).max(16),
  holderName: z.string().trim().min(1).max(140),
});

/** Staff rejecting a withdrawal: the reason the customer will read. */
export const withdrawalRejectionForm = z.strictObject({
  reason: z.string().trim().min(3).max(500),
});
