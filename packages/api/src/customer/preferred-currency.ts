import type { Database } from "@brokerage/db";
import type { RateSource } from "@brokerage/rate-source";
import { rateFailure } from "../dashboard/rate-failure";
import { DomainError } from "../errors";

/** The currency every rate lookup is checked against: a currency the source knows has a USD rate. */
const REFERENCE_CURRENCY = "USD";

const notKnown = () =>
  new DomainError("INVALID_DATA", {
    fieldErrors: { currency: ["No exchange rates are available for this currency"] },
    fieldCodes: { currency: ["NOT_ALLOWED"] },
  });

/**
 * The customer's preferred currency (the dashboard's total): only a currency the rate
 * source knows, so the total can be converted into it. A source that does not answer is
 * 503 RATES_NOT_AVAILABLE and changes nothing (we cannot tell whether it knows the currency).
 */
export async function setPreferredCurrency(
  deps: { db: Database; rates: RateSource },
  customerId: number,
  currency: string,
): Promise<{ preferredCurrency: string }> {
  try {
    await deps.rates.getRate(REFERENCE_CURRENCY, currency);
  } catch (error) {
    const failure = rateFailure(error);
    if (failure === "unknown_pair") throw notKnown();
    if (failure) throw new DomainError("RATES_NOT_AVAILABLE");
    throw error;
  }
  await deps.db.customer.update({ where: { id: customerId }, data: { preferredCurrency: currency }, select: { id: true } });
  return { preferredCurrency: currency };
}
