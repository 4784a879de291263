import type { Prisma } from "@brokerage/db";
import { FALLBACK_SPREAD } from "./pricing";

/** The tier of customers without a class, or with a class the table does not list. */
export const DEFAULT_TIER = 0;

export interface SpreadTier {
  /** The tier that applied (ConversionSpreadTier.rateClass). */
  tier: number;
  /** A fraction as a decimal string: "0.005" = 0.50 %. */
  spread: string;
}

/**
 * The spread for a customer's conversion rate class, read from ConversionSpreadTier (data,
 * not code: the migration seeds 0 = 0.50 %, 1 = 0.25 %, 2 = 0.10 %). A class not in the
 * table gets the default tier; a table without a default tier gets 0.50 %.
 */
export async function spreadFor(db: Pick<Prisma.TransactionClient, "conversionSpreadTier">, rateClass: number | null): Promise<SpreadTier> {
  const classes = rateClass === null || rateClass === DEFAULT_TIER ? [DEFAULT_TIER] : [rateClass, DEFAULT_TIER];
  const rows = await db.conversionSpreadTier.findMany({ where: { rateClass: { in: classes } }, select: { rateClass: true, spread: true } });
  const own = rows.find((r) => r.rateClass === rateClass) ?? rows.find((r) => r.rateClass === DEFAULT_TIER);
  if (!own) return { tier: DEFAULT_TIER, spread: FALLBACK_SPREAD };
  return { tier: own.rateClass, spread: own.spread.toString() };
}
