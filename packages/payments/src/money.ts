import { PaymentRejectedError } from "./errors";

// numeric(20,2) in the simulator; a real provider's limit may be lower, never higher.
const AMOUNT = /^(\d{1,18})(?:\.(\d{1,2}))?$/;

/**
 * Checks an amount that crosses the interface and returns it with exactly two decimals
 * ("10" -> "10.00"), so "10" and "10.00" are the same request for idempotency. More than
 * two decimals is refused rather than rounded: rounding would move money nobody asked for.
 */
export function normalizeAmount(amount: string): string {
  const match = typeof amount === "string" ? AMOUNT.exec(amount) : null;
  if (!match) throw new PaymentRejectedError("invalid_amount", `Invalid amount: ${String(amount)}`);
  const whole = (match[1] ?? "0").replace(/^0+(?=\d)/, "");
  const cents = (match[2] ?? "").padEnd(2, "0");
  if (/^0+$/.test(whole) && cents === "00") {
    throw new PaymentRejectedError("invalid_amount", "Amount must be greater than zero");
  }
  return `${whole}.${cents}`;
}

const CURRENCY = /^[A-Z]{3}$/;

export function normalizeCurrency(currency: string): string {
  if (typeof currency !== "string" || !CURRENCY.test(currency))
    throw new PaymentRejectedError("invalid_currency", `Invalid currency: ${String(currency)}`);
  return currency;
}
