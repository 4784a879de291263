// ISO 3166-1 alpha-2 country codes by the maintained i18n-iso-countries list (it works in
// browsers: the codes need no locale data). Intl.DisplayNames is no substitute for the
// list: it names "UK", "SU", "EU", "ZZ" and other codes that are not countries.
import countries from "i18n-iso-countries";
import { z } from "zod";
import { withCode } from "./field-codes";

/** Every accepted code, sorted (Kosovo's user-assigned XK included). */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

/** Whether `code` is an ISO 3166-1 alpha-2 country code (upper case, as stored). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export const COUNTRY_CODE_MESSAGE = "Enter a two-letter ISO 3166-1 country code, such as DE";

export const countryField = z.string().trim().toUpperCase().refine(isCountryCode, withCode("INVALID_COUNTRY", COUNTRY_CODE_MESSAGE));
