// Money arrives from the API as a decimal string ("10000.00"). It is shown with
// Intl.NumberFormat, which formats decimal strings exactly, and never turned into a float.

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimalString(value: string): value is `${number}` {
  return DECIMAL.test(value);
}

/** "$10,000.00" for ("10000.00", "USD") in English; the raw string if it is not a decimal. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  if (!isDecimalString(amount)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** More than zero, read off the digits: "0.00" and "-5" are not, "0.01" is. */
export function isPositiveDecimal(amount: string): boolean {
  if (!isDecimalString(amount) || amount.startsWith("-")) return false;
  return /[1-9]/.test(amount);
}

/** Compares two non-negative decimal strings without floats: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  const [ai = "0", af = ""] = a.split(".");
  const [bi = "0", bf = ""] = b.split(".");
  const aInt = ai.replace(/^0+(?=\d)/, "");
  const bInt = bi.replace(/^0+(?=\d)/, "");
  if (aInt.length !== bInt.length) return aInt.length < bInt.length ? -1 : 1;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const aFrac = af.padEnd(width, "0");
  const bFrac = bf.padEnd(width, "0");
  return aFrac === bFrac ? 0 : aFrac < bFrac ? -1 : 1;
}
