// The catalogs the portal ships (messages/<locale>/). Adding a language = adding its
// file and its code here.
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language among the candidates, in order of preference: the
 * customer's `preferredLanguage` once signed in, then the browser's Accept-Language.
 * "de-AT" falls back to "de" before moving on.
 */
export function pickLocale(candidates: ReadonlyArray<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const tag = candidate.trim().toLowerCase();
    if (isLocale(tag)) return tag;
    const language = tag.split("-")[0] ?? "";
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** Accept-Language's tags, best first ("fr-CH, fr;q=0.9, en;q=0.8" -> fr-CH, fr, en). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
