// Monthly account statements (issue 17): the month and account a statement is asked for,
// shared by the procedures (packages/api/src/statements) and the portal's form.
import { z } from "zod";
import { withCode } from "./field-codes";
import { accountChoiceField } from "./money-forms";

/** A calendar month, `YYYY-MM` (months are UTC calendar months). */
export const statementMonthField = z
  .string()
  .trim()
  .min(1)
  .refine((v) => v === "" || /^(19|20)\d\d-(0[1-9]|1[0-2])$/.test(v), withCode("INVALID_FORMAT", "A month as YYYY-MM"));

/** The two files a statement comes as. */
export const STATEMENT_FORMATS = ["pdf", "csv"] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** /money/statements: the account and the month chosen in its lists. */
export const statementForm = z.strictObject({
  accountId: accountChoiceField,
  month: statementMonthField,
});
