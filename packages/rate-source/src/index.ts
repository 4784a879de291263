// Where exchange rates come from, as the portal sees it. A deployment plugs in its
// liquidity provider's feed; the simulator in ./simulator stands in everywhere else.
// Rates are decimal strings (never floats): how many units of `quote` one unit of `base` buys.
export interface MidRate {
  base: string;
  quote: string;
  /** The mid-market rate, a positive decimal string with up to 8 decimals. */
  rate: string;
  asOf: Date;
}

export interface RateSource {
  /** The current mid rate of base->quote. Throws RateUnavailableError when it has none. */
  getRate(base: string, quote: string): Promise<MidRate>;
  /**
   * The currencies it has rates for (ISO 4217), when the source can list them: the portal
   * offers them as choices (e.g. the preferred currency). Throws RateUnavailableError when down.
   */
  currencies?(): Promise<string[]>;
}

export class RateUnavailableError extends Error {
  override readonly name = "RateUnavailableError";
  constructor(
    readonly base: string,
    readonly quote: string,
    readonly reason: "unavailable" | "unknown_pair" | "stale" = "unavailable",
  ) {
    super(`No ${base}/${quote} rate (${reason})`);
  }
}
