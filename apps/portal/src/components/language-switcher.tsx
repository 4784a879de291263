import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "~/app/actions/set-locale";
import { LOCALES } from "~/i18n/locales";

/**
 * On every page, signed in or not: one submit button per language, each named in its own
 * language. A form posting to a server action, so it works without JavaScript too.
 */
export async function LanguageSwitcher() {
  const [t, current] = await Promise.all([getTranslations("languageSwitcher"), getLocale()]);
  return (
    <form action={setLocaleAction} className="language-switcher" aria-labelledby="language-switcher-label">
      <span id="language-switcher-label" className="language-switcher__label">
        {t("label")}
      </span>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          className="language-switcher__option"
          aria-current={locale === current ? "true" : undefined}
        >
          {t(`names.${locale}`)}
        </button>
      ))}
    </form>
  );
}
