import type { TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import type { RateSource } from "@brokerage/rate-source";
import { Decimal } from "decimal.js";
import { readCoreBalances } from "../accounts/core-balances";
import { listHistory, type HistoryItem } from "../history/list-history";
import { rateFailure } from "./rate-failure";

/** How the total is rounded, stated in every answer. */
export const DASHBOARD_ROUNDING =
  "Each currency's subtotal is converted at the mid rate and rounded half-even to 2 decimals; the total is the sum of those amounts.";

const LATEST = 5;

export interface CurrencySubtotal {
  currency: string;
  /** How many open accounts hold it. */
  accounts: number;
  /** Their balances added up, two decimals; null when the core did not give every one. */
  balance: string | null;
}

export interface ConvertedSubtotal extends CurrencySubtotal {
  /** The mid rate currency -> preferred currency ("1" for the preferred currency itself); null when unavailable. */
  rate: string | null;
  rateAsOf: string | null;
  /** `balance` in the preferred currency, rounded half-even to 2 decimals; null when a part is missing. */
  converted: string | null;
}

export interface DashboardSummary {
  preferredCurrency: string;
  /** REAL accounts and wallets in the preferred currency; null when a balance or a rate is missing. */
  total: string | null;
  rounding: string;
  /** What the total lacks: the core's balances, and the currencies with no rate. */
  missing: { balances: boolean; rates: string[] };
  /** REAL accounts and wallets per currency, the preferred currency first. */
  currencies: ConvertedSubtotal[];
  /** DEMO accounts apart: play money is never in the total. */
  demo: CurrencySubtotal[];
  latest: HistoryItem[];
  /** The currencies the customer may prefer (those the rate source lists; at least the current one). */
  currencyChoices: string[];
}

function subtotals(accounts: { login: number; currency: string }[], balances: Map<number, string> | null) {
  const byCurrency = new Map<string, { accounts: number; sum: Decimal | null }>();
  for (const account of accounts) {
    const entry = byCurrency.get(account.currency) ?? { accounts: 0, sum: new Decimal(0) };
    const balance = balances?.get(account.login);
    entry.accounts += 1;
    entry.sum = entry.sum && balance !== undefined ? entry.sum.plus(balance) : null;
    byCurrency.set(account.currency, entry);
  }
  return byCurrency;
}

async function currencyChoices(rates: RateSource): Promise<string[]> {
  try {
    return (await rates.currencies?.()) ?? [];
  } catch (error) {
    if (rateFailure(error)) return [];
    throw error;
  }
}

const ordered = (currencies: Iterable<string>, first: string) =>
  [...currencies].sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));

/**
 * `dashboard.summary`: what the customer holds, in their preferred currency, and their
 * latest movements. One core call for every balance; with the core or the rates down it
 * still answers, with null where a figure is missing and `missing` saying what.
 */
export async function dashboardSummary(
  deps: { db: Database; core: TradingCore; rates: RateSource },
  customerId: number,
): Promise<DashboardSummary> {
  const [customer, accounts, latest, listed] = await Promise.all([
    deps.db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { preferredCurrency: true } }),
    deps.db.account.findMany({
      where: { customerId, archivedAt: null },
      select: { login: true, currency: true, accountMode: true },
    }),
    listHistory(deps.db, customerId, { limit: LATEST }),
    currencyChoices(deps.rates),
  ]);
  const preferred = customer.preferredCurrency;
  const balances = await readCoreBalances(
    deps.core,
    accounts.map((a) => a.login),
  );

  const real = subtotals(accounts.filter((a) => a.accountMode === "REAL"), balances);
  const demo = subtotals(accounts.filter((a) => a.accountMode === "DEMO"), balances);

  const currencies = await Promise.all(
    ordered(real.keys(), preferred).map(async (currency): Promise<ConvertedSubtotal> => {
      const { accounts: count, sum } = real.get(currency)!;
      let rate: { rate: string; asOf: string | null } | null = null;
      if (currency === preferred) {
        rate = { rate: "1", asOf: null };
      } else {
        try {
          const mid = await deps.rates.getRate(currency, preferred);
          rate = { rate: mid.rate, asOf: mid.asOf.toISOString() };
        } catch (error) {
          if (!rateFailure(error)) throw error;
        }
      }
      const converted =
        sum && rate ? sum.mul(rate.rate).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2) : null;
      return {
        currency,
        accounts: count,
        balance: sum ? sum.toFixed(2) : null,
        rate: rate?.rate ?? null,
        rateAsOf: rate?.asOf ?? null,
        converted,
      };
    }),
  );

  const complete = currencies.every((c) => c.converted !== null);
  const total = complete
    ? currencies.reduce((sum, c) => sum.plus(c.converted!), new Decimal(0)).toFixed(2)
    : null;
  return {
    preferredCurrency: preferred,
    total,
    rounding: DASHBOARD_ROUNDING,
    missing: {
      balances: currencies.some((c) => c.balance === null) || [...demo.values()].some((d) => d.sum === null),
      rates: currencies.filter((c) => c.rate === null).map((c) => c.currency),
    },
    currencies,
    demo: ordered(demo.keys(), preferred).map((currency) => {
      const { accounts: count, sum } = demo.get(currency)!;
      return { currency, accounts: count, balance: sum ? sum.toFixed(2) : null };
    }),
    latest: latest.items,
    currencyChoices: [...new Set([...listed, preferred])].sort(),
  };
}
