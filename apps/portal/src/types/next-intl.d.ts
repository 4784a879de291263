import type messages from "../../messages/en";
import type { Locale } from "~/i18n/locales";

// English is the reference catalog: every key used in code must exist in it.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
