// next-intl without i18n routing: no locale in the URL; each request picks its catalog.
import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { parseAcceptLanguage, pickLocale } from "./locales";

export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  // TODO(customer identity): put the signed-in customer's preferredLanguage first.
  const locale = pickLocale(parseAcceptLanguage(requestHeaders.get("accept-language")));
  return {
    locale,
    messages: (await import(`../../messages/${locale}/index.ts`)).default,
    timeZone: "UTC",
  };
});
