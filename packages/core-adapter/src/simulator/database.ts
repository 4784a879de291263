// The simulator's database: the shared pool helpers, and what a failure below the
// simulator's own rules means to the portal.
import { isConnectionFailure } from "@brokerage/db/pg";
import { CoreUnavailableError, isCoreError, type CoreError } from "../errors";

export { createPool, inTransaction } from "@brokerage/db/pg";

/**
 * A real core's adapter cannot tell a crashed core from a broken network: whatever goes
 * wrong below the simulator's own rules is "the core did not answer", with the outcome
 * unknown, so the portal retries with the same idempotency key instead of guessing.
 */
export function asCoreError(error: unknown): CoreError {
  if (isCoreError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CoreUnavailableError(isConnectionFailure(error) ? "unreachable" : "unavailable", `Trading core simulator failed: ${message}`, { cause: error });
}
