import { z } from "zod";

/**
 * The languages the portal, the e-mails and SMS, and the HTTP API's error messages are
 * written in. A customer may prefer another language at sign-up (PREFERRED_LANGUAGE_PATTERN);
 * everything they read falls back to English until it exists in theirs. Adding a language:
 * README, "Languages".
 */
export const SUPPORTED_LOCALES = ["en", "de"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = "en";

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language among the candidates, in order of preference: "de-AT"
 * falls back to "de" before the next candidate is tried; English when none is supported.
 */
export function pickSupportedLocale(candidates: ReadonlyArray<string | null | undefined>): SupportedLocale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const tag = candidate.trim().toLowerCase();
    if (isSupportedLocale(tag)) return tag;
    const language = tag.split("-")[0] ?? "";
    if (isSupportedLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** Accept-Language's tags, best first ("fr-CH, fr;q=0.9, en;q=0.8" -> fr-CH, fr, en). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** customer.setLanguage: the portal's language switcher, signed in. */
export const setLanguageInput = z.strictObject({ language: z.enum(SUPPORTED_LOCALES) });
export type SetLanguageInput = z.input<typeof setLanguageInput>;
