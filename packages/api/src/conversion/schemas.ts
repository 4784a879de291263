import { z } from "zod";
import { accountIdField, amountField } from "../accounts/fields";

/** A quote for converting `amount` (what leaves the from wallet) between two own wallets. */
export const quoteInput = z.strictObject({
  fromAccountId: accountIdField,
  toAccountId: accountIdField,
  amount: amountField,
});

/** Accepting a quote: its id is all it takes (the quote fixes accounts, amounts and rate). */
export const acceptInput = z.strictObject({
  quoteId: z.uuid(),
});
