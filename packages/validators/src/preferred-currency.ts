import { z } from "zod";

/**
 * The dashboard's currency: ISO 4217 letters (any letter case, sent upper case). Which
 * ones are allowed depends on the rate source, so the procedure checks that part.
 */
export const setPreferredCurrencyInput = z.strictObject({
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, { message: "Three letters, e.g. USD" })
    .transform((v) => v.toUpperCase()),
});

export type SetPreferredCurrencyInput = z.input<typeof setPreferredCurrencyInput>;
