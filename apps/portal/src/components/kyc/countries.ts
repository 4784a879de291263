// The countries a KYC form offers: the ISO 3166-1 alpha-2 codes the API accepts, from the
// shared list (packages/validators, by i18n-iso-countries). The codes are the values;
// Intl.DisplayNames only names them, in the page's language.
import { COUNTRY_CODES } from "@brokerage/validators";

export { COUNTRY_CODES };

export interface CountryOption {
  code: string;
  label: string;
}

/**
 * The options of a country <select>, named in `locale` and sorted by name. Computed on
 * the server and handed to the form as props, so the browser's ICU (which may name a
 * country differently from Node's) never re-renders them and hydration always matches.
 */
export function countryOptions(locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, label: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/** A country's name in `locale`, or the code itself when the code is unknown. */
export function countryName(locale: string, code: unknown): string {
  if (typeof code !== "string" || !/^[A-Z]{2}$/.test(code))
    return typeof code === "string" ? code : "";
  return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code) ?? code;
}
