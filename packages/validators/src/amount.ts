// Money amounts (product.md: decimal strings with at most 2 decimals, positive). The API
// accepts a number too (seed 001); it is read as its decimal string, never as a float.
import { z } from "zod";
import { withCode } from "./field-codes";

export const AMOUNT_MAX_INTEGER_DIGITS = 12;
export const AMOUNT_MAX_DECIMALS = 2;

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const UNSIGNED_DECIMAL = /^\d+(\.\d+)?$/;

/** Digits, with decimals, at most 12 before the point and 2 after it. */
export const isAmountFormat = (value: string) => AMOUNT.test(value);

/** More than zero, read off the digits: "0.00" is not, "0.01" is. */
export const isPositiveAmount = (value: string) => UNSIGNED_DECIMAL.test(value) && /[1-9]/.test(value);

/** Well-formed but with more than two decimals: the one format error a form names apart. */
const hasTooManyDecimals = (value: string) => UNSIGNED_DECIMAL.test(value) && (value.split(".")[1]?.length ?? 0) > AMOUNT_MAX_DECIMALS;

/** An amount as the API reads it: a decimal string (or a number) with at most two decimals, more than zero. */
export const amountField = z
  .union([z.number(), z.string()])
  .transform((v) => String(v).trim())
  .pipe(
    z
      .string()
      // One message per problem, as the API has always answered: too many decimals, or any other format error.
      .refine((v) => !hasTooManyDecimals(v), withCode("TOO_MANY_DECIMALS", "An amount with at most two decimals"))
      .refine((v) => isAmountFormat(v) || hasTooManyDecimals(v), withCode("INVALID_FORMAT", "An amount with at most two decimals")),
  )
  // Runs after a format error too, as it always has (so "-5" names both problems); on a
  // well-formed amount `Number` is exact enough to tell zero from more.
  .refine((v) => Number(v) > 0, withCode("NOT_POSITIVE", "Must be more than zero"));

/** Whether a form's text is an amount the API accepts. */
export const isValidAmountInput = (value: string) => amountField.safeParse(value).success;
