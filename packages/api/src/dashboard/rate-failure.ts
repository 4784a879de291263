import type { RateUnavailableError } from "@brokerage/rate-source";

/**
 * Why the rate source had no rate, or null when `error` is not its refusal. By name, not
 * `instanceof`: a bundler may load the rate-source package twice (as core-adapter's errors note).
 */
export function rateFailure(error: unknown): RateUnavailableError["reason"] | null {
  if (!(error instanceof Error) || error.name !== "RateUnavailableError") return null;
  const reason = (error as Partial<RateUnavailableError>).reason;
  return reason === "unknown_pair" || reason === "stale" ? reason : "unavailable";
}
