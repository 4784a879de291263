// The portal's account forms (rename, transfer, trading-password wizard, restore, open).
// The procedures in packages/api/src/accounts parse the same fields; the forms hold them as
// a browser form does (an account or a leverage chosen in a list is text), so nothing the
// server would refuse for its shape is sent.
import { z } from "zod";
import { accountChoiceField } from "./money-forms";
import { amountField } from "./amount";
import { withCode } from "./field-codes";
import { codeField } from "./identity";
import { tradingPasswordField } from "./trading-password";

export const ACCOUNT_CAPTION_MAX_LENGTH = 64;

/** An account's own name: 1 to 64 characters after trimming, no control characters. */
export const accountCaptionField = z
  .string()
  .trim()
  .min(1)
  .max(ACCOUNT_CAPTION_MAX_LENGTH)
  .refine((v) => !/\p{Cc}/u.test(v), withCode("INVALID_CHARACTERS", "No control characters"));

/** The rename form of an account. */
export const renameAccountForm = z.strictObject({ caption: accountCaptionField });

/** The archive dialog: the wallet the money moves to ("" when none is needed: a DEMO or empty account). */
export const archiveAccountForm = z.strictObject({ fallbackId: z.string().regex(/^\d{0,10}$/) });

/** Money between two of the customer's own accounts: two different ones, and an amount. */
export const accountTransferForm = z
  .strictObject({
    fromAccountId: accountChoiceField,
    toAccountId: accountChoiceField,
    amount: amountField,
  })
  .refine((v) => v.fromAccountId !== v.toAccountId, {
    path: ["toAccountId"],
    ...withCode("SAME_ACCOUNT", "Choose two different accounts"),
  });

export const TRADING_PASSWORD_TYPES = ["main", "investor"] as const;

/** Which trading password a wizard step or a restore is about. */
export const tradingPasswordTypeForm = z.strictObject({ passwordType: z.enum(TRADING_PASSWORD_TYPES) });

/** The six-digit code the password wizard e-mails. */
export const tradingPasswordCodeForm = z.strictObject({ code: codeField(6) });

/** The new trading password, twice (the server checks the same policy and the match). */
export const newTradingPasswordForm = z
  .strictObject({ password: tradingPasswordField, passwordConfirmation: z.string().max(128) })
  .refine((v) => v.password === v.passwordConfirmation, {
    path: ["passwordConfirmation"],
    ...withCode("MISMATCH", "The passwords do not match"),
  });

/** The text of an optional leverage choice: "" (the group's own) or a whole number. */
const leverageChoiceField = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{1,6}$/.test(v), withCode("NOT_ALLOWED", "Choose a leverage from the list"))
  .transform((v) => (v === "" ? undefined : Number(v)));

/** amountField as a form holds it: text only (the API also takes a number). */
const amountTextField = amountField as z.ZodType<string, string>;

/** The optional start amount of a demo account: "" (the group's default deposit) or an amount. */
const optionalAmountField = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(amountTextField.optional());

/** The opening form of one group's card (the group itself is the card's, not a field). */
export const openAccountForm = z.strictObject({
  leverage: leverageChoiceField,
  startAmount: optionalAmountField,
});
