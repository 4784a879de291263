// next-intl without i18n routing: no locale in the URL; each request picks its catalog.
import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { getFrameViewer } from "~/session/current-customer";
import { parseAcceptLanguage, pickLocale } from "./locales";

export default getRequestConfig(async () => {
  // The signed-in customer's preferredLanguage first (the same, cached, read as the header's).
  const [requestHeaders, { customer }] = await Promise.all([headers(), getFrameViewer()]);
  const locale = pickLocale([
    customer?.preferredLanguage,
    ...parseAcceptLanguage(requestHeaders.get("accept-language")),
  ]);
  return {
    locale,
    messages: (await import(`../../messages/${locale}/index.ts`)).default,
    timeZone: "UTC",
  };
});
