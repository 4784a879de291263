// The `details` of a money refusal (LIMIT_EXCEEDED, CARD_REFUND_FIRST ...), read without
// trusting their shape: the sentences quote them only when they are decimal strings.
import { isDecimalString } from "~/app/accounts/_lib/money";

export interface MoneyDetails {
  limit?: string;
  remaining?: string;
  max?: string;
  currency?: string;
}

export function moneyDetailsOf(error: unknown): MoneyDetails {
  const data = typeof error === "object" && error !== null && "data" in error ? (error as { data: unknown }).data : undefined;
  const details = typeof data === "object" && data !== null ? (data as { details?: unknown }).details : undefined;
  if (typeof details !== "object" || details === null) return {};
  const read = (key: string) => {
    const value = (details as Record<string, unknown>)[key];
    return typeof value === "string" && isDecimalString(value) ? value : undefined;
  };
  const currency = (details as Record<string, unknown>).currency;
  const out: MoneyDetails = {};
  for (const key of ["limit", "remaining", "max"] as const) {
    const value = read(key);
    if (value !== undefined) out[key] = value;
  }
  if (typeof currency === "string" && /^[A-Z]{3}$/.test(currency)) out.currency = currency;
  return out;
}
