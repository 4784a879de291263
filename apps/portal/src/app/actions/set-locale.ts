"use server";

import { getDomainError } from "@brokerage/api";
import { cookies } from "next/headers";
import { auth } from "~/auth";
import { env } from "~/env";
import { isSupportedLocale } from "~/i18n/locales";
import { localeCookie } from "~/session/cookies";
import { getServerCaller } from "~/trpc/server";

/**
 * The language switcher (a plain form: it works without JavaScript). The choice is kept in
 * a cookie for this browser and, for a signed-in customer, as their preferred language,
 * which their e-mails and SMS follow too. Next renders the page again in the new language.
 * A value that is not a supported locale changes nothing.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isSupportedLocale(locale)) return;
  const cookie = localeCookie(env.isProduction);
  (await cookies()).set(cookie.name, locale, cookie.options);
  const session = await auth();
  if (session?.sessionId && session.kind === "customer") {
    try {
      await (await getServerCaller()).customer.setLanguage({ language: locale });
    } catch (error) {
      // A session that ended meanwhile: the page is a visitor's, the cookie alone decides.
      if (getDomainError(error)?.code !== "INVALID_CUSTOMER_SESSION") throw error;
    }
  }
}
