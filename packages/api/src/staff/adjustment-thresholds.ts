import { Prisma } from "@brokerage/db";

/**
 * The amount per currency up to which a staff balance adjustment applies at once; above
 * it (strictly) a second staff member must approve. `*` is every other currency.
 */
export type AdjustmentThresholds = Readonly<Record<string, string>>;

export const DEFAULT_ADJUSTMENT_THRESHOLD = "1000.00";

/**
 * `ADJUSTMENT_APPROVAL_THRESHOLDS`, e.g. `USD:1000.00,EUR:500.00,*:1000.00`. Currencies
 * not listed (and no `*`) get 1,000.00. Throws on anything malformed, so a bad setting
 * stops the server rather than letting money through unchecked.
 */
export function parseAdjustmentThresholds(value: string | undefined): AdjustmentThresholds {
  const thresholds: Record<string, string> = { "*": DEFAULT_ADJUSTMENT_THRESHOLD };
  for (const entry of (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([A-Z]{3}|\*):(\d{1,12}(?:\.\d{1,2})?)$/.exec(entry);
    if (!match)
      throw new Error(
        `ADJUSTMENT_APPROVAL_THRESHOLDS: "${entry}" is not CUR:amount (e.g. USD:1000.00)`,
      );
    thresholds[match[1]!] = new Prisma.Decimal(match[2]!).toFixed(2);
  }
  return thresholds;
}

export function thresholdFor(thresholds: AdjustmentThresholds, currency: string): string {
  return thresholds[currency] ?? thresholds["*"] ?? DEFAULT_ADJUSTMENT_THRESHOLD;
}

/** Strictly above the threshold waits for a second staff member; exactly at it applies at once. */
export function needsApproval(
  thresholds: AdjustmentThresholds,
  currency: string,
  amount: string,
): boolean {
  return new Prisma.Decimal(amount).greaterThan(thresholdFor(thresholds, currency));
}
