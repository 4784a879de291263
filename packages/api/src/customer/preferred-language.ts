import type { Database } from "@brokerage/db";
import type { SupportedLocale } from "@brokerage/validators";

/**
 * The portal's language switcher, signed in: the customer's preferred language becomes
 * the one chosen (a supported locale; the input schema refuses others), so the portal,
 * their e-mails and SMS speak it from now on.
 */
export async function setPreferredLanguage(
  db: Database,
  customerId: number,
  language: SupportedLocale,
): Promise<{ preferredLanguage: SupportedLocale }> {
  await db.customer.update({ where: { id: customerId }, data: { preferredLanguage: language }, select: { id: true } });
  return { preferredLanguage: language };
}
