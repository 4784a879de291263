import type { ConversionStatus, Prisma } from "@brokerage/db";
import { CUSTOMER_RATE_DECIMALS } from "./pricing";

/** What a quote answer holds; never anything of the core but operation results. */
export const quoteSelect = {
  id: true,
  customerId: true,
  fromAccountId: true,
  toAccountId: true,
  sellAmount: true,
  sellCurrency: true,
  buyAmount: true,
  buyCurrency: true,
  midRate: true,
  rateAsOf: true,
  spread: true,
  customerRate: true,
  spreadTier: true,
  status: true,
  expiresAt: true,
  acceptedAt: true,
  completedAt: true,
  fromBalanceAfter: true,
  toBalanceAfter: true,
  failureCode: true,
  createdAt: true,
} satisfies Prisma.ConversionQuoteSelect;

export type QuoteRow = Prisma.ConversionQuoteGetPayload<{ select: typeof quoteSelect }>;

/** The rounding every quote states (the README says the same). */
export const ROUNDING = {
  customerRate: "midRate * (1 - spread), rounded half-even to 6 decimals",
  buyAmount: "sellAmount * customerRate, rounded down to 2 decimals",
} as const;

/** An OPEN quote past its expiry reads EXPIRED (the recovery pass stores it later). */
export function effectiveStatus(row: Pick<QuoteRow, "status" | "expiresAt">, now: Date): ConversionStatus {
  return row.status === "OPEN" && now.getTime() >= row.expiresAt.getTime() ? "EXPIRED" : row.status;
}

/** The one shape of a quote in answers: decimal strings, never floats. */
export function quoteView(row: QuoteRow, now: Date) {
  return {
    quoteId: row.id,
    status: effectiveStatus(row, now),
    fromAccountId: row.fromAccountId,
    toAccountId: row.toAccountId,
    sellAmount: row.sellAmount.toFixed(2),
    sellCurrency: row.sellCurrency,
    buyAmount: row.buyAmount.toFixed(2),
    buyCurrency: row.buyCurrency,
    midRate: row.midRate.toString(),
    rateAsOf: row.rateAsOf,
    /** The spread as a fraction ("0.005") and in percent ("0.50"). */
    spread: row.spread.toString(),
    spreadPercent: row.spread.times(100).toFixed(2),
    customerRate: row.customerRate.toFixed(CUSTOMER_RATE_DECIMALS),
    spreadTier: row.spreadTier,
    rounding: ROUNDING,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    /** Whole seconds left to accept it (0 when expired or no longer open). */
    secondsLeft: row.status === "OPEN" ? Math.max(0, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000)) : 0,
  };
}

/** The answer of an accepted, completed conversion: the quote plus both new balances. */
export function conversionView(row: QuoteRow, now: Date) {
  return {
    ...quoteView(row, now),
    acceptedAt: row.acceptedAt,
    completedAt: row.completedAt,
    fromBalance: row.fromBalanceAfter?.toFixed(2) ?? null,
    toBalance: row.toBalanceAfter?.toFixed(2) ?? null,
  };
}
