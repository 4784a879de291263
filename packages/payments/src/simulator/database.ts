// The simulator's database: the shared pool helpers, and what a failure below the
// simulator's own rules means to the portal.
import { isConnectionFailure } from "@brokerage/db/pg";
import { isPaymentProviderError, PaymentUnavailableError, type PaymentProviderError } from "../errors";

export { createPool, inTransaction, type Queryable } from "@brokerage/db/pg";

/**
 * Whatever goes wrong below the simulator's own rules is "the provider did not answer",
 * with the outcome unknown, so the portal retries with the same idempotency key.
 */
export function asPaymentError(error: unknown): PaymentProviderError {
  if (isPaymentProviderError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PaymentUnavailableError(isConnectionFailure(error) ? "unreachable" : "unavailable", `Payment simulator failed: ${message}`, { cause: error });
}
