import { isCoreError, type TradingCore } from "@brokerage/core-adapter";

/** The core's batch read takes at most this many logins a call. */
const CORE_BATCH = 500;

/**
 * The balances of `logins` from the core, in as few calls as possible (one for up to 500
 * logins), as two-decimal strings by login; a login the core does not know is missing.
 * `null` when the core does not answer: callers show what they know without balances.
 */
export async function readCoreBalances(core: TradingCore, logins: number[]): Promise<Map<number, string> | null> {
  const unique = [...new Set(logins)];
  const balances = new Map<number, string>();
  if (unique.length === 0) return balances;
  try {
    for (let i = 0; i < unique.length; i += CORE_BATCH) {
      for (const account of await core.getAccounts(unique.slice(i, i + CORE_BATCH))) balances.set(account.login, account.balance);
    }
  } catch (error) {
    if (isCoreError(error)) return null;
    throw error;
  }
  return balances;
}
