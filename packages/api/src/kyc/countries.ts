import countries from "i18n-iso-countries";

/**
 * Whether `code` is an ISO 3166-1 alpha-2 country code (upper case, as stored), by the
 * i18n-iso-countries package. Intl.DisplayNames is no substitute: it names "UK", "SU",
 * "EU", "ZZ" and other codes that are not countries.
 */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}
