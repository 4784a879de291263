// next-intl without i18n routing: no locale in the URL; each request picks its catalog.
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { env } from "~/env";
import { localeCookie } from "~/session/cookies";
import { getFrameViewer } from "~/session/current-customer";
import { parseAcceptLanguage, pickLocale } from "./locales";

export default getRequestConfig(async () => {
  // The signed-in customer's preferredLanguage first (the same, cached, read as the header's),
  // then the language switcher's cookie, then the browser's languages.
  const [requestHeaders, cookieStore, { customer }] = await Promise.all([headers(), cookies(), getFrameViewer()]);
  const locale = pickLocale([
    customer?.preferredLanguage,
    cookieStore.get(localeCookie(env.isProduction).name)?.value,
    ...parseAcceptLanguage(requestHeaders.get("accept-language")),
  ]);
  return {
    locale,
    messages: (await import(`../../messages/${locale}/index.ts`)).default,
    timeZone: "UTC",
  };
});
