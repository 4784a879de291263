import { Prisma } from "@brokerage/db";

const Decimal = Prisma.Decimal;

/** How long a quote may be accepted. */
export const QUOTE_VALIDITY_MS = 30_000;

/** The spread of customers without a tier of their own, should the tier table lack class 0. */
export const FALLBACK_SPREAD = "0.005";

/** Decimal places of the customer rate. */
export const CUSTOMER_RATE_DECIMALS = 6;

/** The largest amount a DECIMAL(18,2) column holds, plus a cent. */
const AMOUNT_LIMIT = new Decimal("1e16");

export interface Pricing {
  /** midRate * (1 - spread), half-even to 6 decimals, as a string with 6 decimals. */
  customerRate: string;
  /** sell * customerRate, rounded down to cents (the customer never gets a fraction more). */
  buyAmount: string;
}

/**
 * The conversion's arithmetic, in decimals (never floats):
 *   customer rate = mid * (1 - spread), rounded half-even to 6 decimals;
 *   buy amount    = sell * customer rate, rounded down to cents.
 * Answers null when the buy amount would not fit an amount column.
 */
export function priceConversion(input: { sellAmount: string; midRate: string; spread: string }): Pricing | null {
  const customerRate = new Decimal(input.midRate)
    .times(new Decimal(1).minus(input.spread))
    .toDecimalPlaces(CUSTOMER_RATE_DECIMALS, Decimal.ROUND_HALF_EVEN);
  const buyAmount = new Decimal(input.sellAmount).times(customerRate).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  if (buyAmount.greaterThanOrEqualTo(AMOUNT_LIMIT)) return null;
  return { customerRate: customerRate.toFixed(CUSTOMER_RATE_DECIMALS), buyAmount: buyAmount.toFixed(2) };
}
