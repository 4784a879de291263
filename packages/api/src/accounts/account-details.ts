import type { TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import { toAccountView, type AccountView } from "./account-view";
import { coreUnavailable } from "./core-errors";
import { findOwnAccount } from "./own-account";

/** One account as the portal knows it: no core call, so the page shows even when the core is down. */
export async function getAccountDetails(db: Database, customerId: number, accountId: number): Promise<AccountView> {
  return toAccountView(await findOwnAccount(db, customerId, accountId));
}

export interface LiveAccountState {
  accountId: number;
  login: number;
  currency: string;
  balance: string;
  equity: string;
  leverage: number;
  enabled: boolean;
  archived: boolean;
}

/** What only the core knows (balance, equity...); a core that does not answer is 500 CORE_NOT_AVAILABLE. */
export async function getLiveAccountState(
  deps: { db: Database; core: TradingCore },
  customerId: number,
  accountId: number,
): Promise<LiveAccountState> {
  const account = await findOwnAccount(deps.db, customerId, accountId);
  let live;
  try {
    live = await deps.core.getAccount(account.login);
  } catch (error) {
    throw coreUnavailable(error);
  }
  return {
    accountId: account.id,
    login: account.login,
    currency: live.currency,
    balance: live.balance,
    equity: live.equity,
    leverage: live.leverage,
    enabled: live.enabled,
    archived: live.archived,
  };
}
