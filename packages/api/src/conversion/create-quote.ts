import { Prisma, type Database } from "@brokerage/db";
import { RateUnavailableError, type RateSource } from "@brokerage/rate-source";
import type { Clock } from "../clock";
import { moneyString } from "../accounts/money";
import { assertNoArchivalUnderWay, assertNotArchived, findOwnAccount, type OwnAccount } from "../accounts/own-account";
import { hasPermission } from "../accounts/permissions";
import { DomainError } from "../errors";
import type { RateLimits } from "../rate-limit/rate-limits";
import { priceConversion, QUOTE_VALIDITY_MS } from "./pricing";
import { quoteSelect, quoteView } from "./quote-view";
import { spreadFor } from "./spread-tiers";

export interface QuoteDeps {
  db: Database;
  rates: RateSource;
  rateLimits: RateLimits;
  clock: Clock;
}

export interface QuoteInput {
  customerId: number;
  fromAccountId: number;
  toAccountId: number;
  /** What leaves the from wallet: positive, at most two decimals (the schema checked it). */
  amount: string;
}

/** Only a customer's own open REAL wallets convert (the `exchange` permission); DEMO never. */
function assertConvertible(account: OwnAccount, field: "fromAccountId" | "toAccountId"): void {
  if (account.accountMode !== "REAL") {
    throw new DomainError("INVALID_DATA", { fieldErrors: { [field]: ["Demo accounts never convert"] }, fieldCodes: { [field]: ["DEMO_ACCOUNT"] } });
  }
  if (!hasPermission(account, "exchange")) {
    throw new DomainError("INVALID_DATA", { fieldErrors: { [field]: ["Only wallets convert currencies"] }, fieldCodes: { [field]: ["NOT_ALLOWED"] } });
  }
}

/**
 * A quote for converting between two of the customer's own wallets: the rate source's mid
 * rate, the spread of the customer's tier, the amounts (rounding in pricing.ts), valid for
 * 30 seconds. Stored, so that accepting it is bound to exactly these figures. Moves no money.
 *
 * Order of checks: the throttle (per customer), both accounts the caller's own (404
 * otherwise, like a missing id), different accounts, not archived, wallets (not DEMO, not
 * trading accounts), different currencies, no archival under way, then the rate.
 */
export async function createQuote(deps: QuoteDeps, input: QuoteInput) {
  const { db } = deps;
  await deps.rateLimits.consume("conversionQuote", String(input.customerId));
  const from = await findOwnAccount(db, input.customerId, input.fromAccountId);
  const to = await findOwnAccount(db, input.customerId, input.toAccountId);
  if (from.id === to.id) {
    throw new DomainError("INVALID_DATA", { fieldErrors: { toAccountId: ["Choose another wallet than the source"] }, fieldCodes: { toAccountId: ["SAME_ACCOUNT"] } });
  }
  assertNotArchived(from);
  assertNotArchived(to);
  assertConvertible(from, "fromAccountId");
  assertConvertible(to, "toAccountId");
  if (from.currency === to.currency) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { toAccountId: [`Choose a wallet in another currency than ${from.currency}`] }, fieldCodes: { toAccountId: ["MUST_DIFFER"] },
    });
  }
  await assertNoArchivalUnderWay(db, [from.id, to.id]);

  let mid;
  try {
    mid = await deps.rates.getRate(from.currency, to.currency);
  } catch (error) {
    if (error instanceof RateUnavailableError) {
      throw new DomainError("RATES_NOT_AVAILABLE", { details: { base: error.base, quote: error.quote } });
    }
    throw error;
  }
  const customer = await db.customer.findUniqueOrThrow({ where: { id: input.customerId }, select: { conversionRateClass: true } });
  const { tier, spread } = await spreadFor(db, customer.conversionRateClass);
  const sellAmount = moneyString(input.amount);
  // The source promises at most 8 decimals; rounded here so the stored rate is the one used.
  const midRate = new Prisma.Decimal(mid.rate).toDecimalPlaces(8, Prisma.Decimal.ROUND_HALF_EVEN).toString();
  const priced = priceConversion({ sellAmount, midRate, spread });
  if (!priced) {
    throw new DomainError("INVALID_DATA", { fieldErrors: { amount: ["The converted amount is too large"] }, fieldCodes: { amount: ["TOO_BIG"] } });
  }
  if (priced.buyAmount === "0.00") {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { amount: [`Too small: it buys less than 0.01 ${to.currency}`] }, fieldCodes: { amount: ["TOO_SMALL"] },
    });
  }
  const now = deps.clock.now();
  const row = await db.conversionQuote.create({
    data: {
      customerId: input.customerId,
      fromAccountId: from.id,
      toAccountId: to.id,
      sellAmount,
      sellCurrency: from.currency,
      buyAmount: priced.buyAmount,
      buyCurrency: to.currency,
      midRate,
      rateAsOf: mid.asOf,
      spread,
      customerRate: priced.customerRate,
      rateClass: customer.conversionRateClass,
      spreadTier: tier,
      expiresAt: new Date(now.getTime() + QUOTE_VALIDITY_MS),
      createdAt: now,
    },
    select: quoteSelect,
  });
  return quoteView(row, now);
}
