import { Decimal } from "decimal.js";
import { RateUnavailableError, type MidRate, type RateSource } from "../index";

/** Mid rates against USD (units of the currency one US dollar buys), close to late 2026 markets. */
export const SIMULATED_USD_RATES: Readonly<Record<string, string>> = {
  USD: "1",
  EUR: "0.92",
  GBP: "0.79",
  CHF: "0.88",
  JPY: "151.20",
  CAD: "1.37",
  AUD: "1.52",
};

export interface RateFaults {
  /** While on, every call throws RateUnavailableError. */
  setUnavailable(on: boolean): void;
  /** Overrides one currency's rate against USD (tests move the market). */
  setUsdRate(currency: string, rate: string): void;
  reset(): void;
}

export interface SimulatedRateSource extends RateSource {
  currencies(): Promise<string[]>;
  faults: RateFaults;
}

/**
 * A rate source from a fixed table of USD rates: a cross rate is their ratio, rounded
 * half-even to 8 decimals. In-process and deterministic (no drift) so tests can compute
 * every expected amount; `faults` moves the market or takes the feed down.
 */
export function createSimulatedRateSource(options: { clock?: () => Date } = {}): SimulatedRateSource {
  const now = options.clock ?? (() => new Date());
  let table: Record<string, string> = { ...SIMULATED_USD_RATES };
  let unavailable = false;
  return {
    async getRate(base: string, quote: string): Promise<MidRate> {
      if (unavailable) throw new RateUnavailableError(base, quote, "unavailable");
      const perUsdBase = table[base];
      const perUsdQuote = table[quote];
      if (perUsdBase === undefined || perUsdQuote === undefined) throw new RateUnavailableError(base, quote, "unknown_pair");
      const rate = new Decimal(perUsdQuote).div(perUsdBase).toDecimalPlaces(8, Decimal.ROUND_HALF_EVEN);
      return { base, quote, rate: rate.toFixed(), asOf: now() };
    },
    async currencies(): Promise<string[]> {
      if (unavailable) throw new RateUnavailableError("*", "*", "unavailable");
      return Object.keys(table).sort();
    },
    faults: {
      setUnavailable(on) {
        unavailable = on;
      },
      setUsdRate(currency, rate) {
        if (!/^[A-Z]{3}$/.test(currency) || !new Decimal(rate).isPositive() || new Decimal(rate).isZero()) {
          throw new RangeError(`Bad rate ${currency}=${rate}`);
        }
        table = { ...table, [currency]: rate };
      },
      reset() {
        table = { ...SIMULATED_USD_RATES };
        unavailable = false;
      },
    },
  };
}
