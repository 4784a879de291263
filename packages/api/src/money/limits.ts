import { Prisma } from "@brokerage/db";

/**
 * Money limits per currency (amounts in that currency). A deposit is one payment of
 * `depositMin` to `depositMax`; withdrawals asked for in one UTC day (not rejected,
 * canceled or discarded) add up to at most `withdrawalDaily`. `*` is every other currency.
 */
export const MONEY_LIMITS: Readonly<Record<string, { depositMin: string; depositMax: string; withdrawalDaily: string }>> = {
  USD: { depositMin: "10.00", depositMax: "50000.00", withdrawalDaily: "20000.00" },
  EUR: { depositMin: "10.00", depositMax: "50000.00", withdrawalDaily: "20000.00" },
  GBP: { depositMin: "10.00", depositMax: "40000.00", withdrawalDaily: "15000.00" },
  "*": { depositMin: "10.00", depositMax: "10000.00", withdrawalDaily: "5000.00" },
};

export function limitsFor(currency: string) {
  const limits = MONEY_LIMITS[currency] ?? MONEY_LIMITS["*"]!;
  return {
    depositMin: new Prisma.Decimal(limits.depositMin),
    depositMax: new Prisma.Decimal(limits.depositMax),
    withdrawalDaily: new Prisma.Decimal(limits.withdrawalDaily),
  };
}

/** The start of the UTC day `now` is in: daily limits count from there. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
