import { CoreRejectedError, type PasswordType } from "@brokerage/core-adapter";
import type { TradingPasswordType } from "@brokerage/db";
import { DomainError } from "../errors";
import { coreUnavailable } from "./core-errors";
import type { OwnAccount } from "./own-account";

/** Seed 001's password types the portal supports (`master` has no meaning here). */
export const PASSWORD_TYPES = ["main", "investor"] as const satisfies readonly PasswordType[];

const TO_DB = { main: "MAIN", investor: "INVESTOR" } as const satisfies Record<PasswordType, TradingPasswordType>;

export const toDbPasswordType = (type: PasswordType): TradingPasswordType => TO_DB[type];
export const fromDbPasswordType = (type: TradingPasswordType): PasswordType => (type === "MAIN" ? "main" : "investor");
export const otherPasswordType = (type: PasswordType): PasswordType => (type === "main" ? "investor" : "main");

/** Trading passwords belong to trading accounts (seed 001: MT4, MT5, cTrader); a wallet has none to change. */
export function assertHasTradingPassword(account: Pick<OwnAccount, "kind">): void {
  if (account.kind !== "TRADING") {
    throw new DomainError("INVALID_DATA", { fieldErrors: { accountId: ["Wallets have no trading password"] }, fieldCodes: { accountId: ["NOT_ALLOWED"] } });
  }
}

/** A password call the core refused because the account is archived there, or that got no answer. */
export function passwordCallError(error: unknown): DomainError {
  if (error instanceof CoreRejectedError && error.reason === "account_archived") return new DomainError("ACCOUNT_ARCHIVED");
  return coreUnavailable(error);
}
