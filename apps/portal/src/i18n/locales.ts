// The catalogs the portal ships (messages/<locale>/) are the supported locales of
// @brokerage/validators: the e-mails, SMS and the HTTP API speak the same languages.
// Adding a language: README, "Languages". The switcher's cookie: session/cookies.ts.
import { DEFAULT_LOCALE, isSupportedLocale, parseAcceptLanguage, pickSupportedLocale, SUPPORTED_LOCALES, type SupportedLocale } from "@brokerage/validators";

export const LOCALES = SUPPORTED_LOCALES;
export type Locale = SupportedLocale;
export { DEFAULT_LOCALE, isSupportedLocale, parseAcceptLanguage };

/**
 * The page's language: the signed-in customer's `preferredLanguage` when the portal speaks
 * it, else the switcher's cookie, else the browser's Accept-Language; English by default.
 * "de-AT" falls back to "de" before moving on.
 */
export function pickLocale(candidates: ReadonlyArray<string | null | undefined>): Locale {
  return pickSupportedLocale(candidates);
}
