// The contract between the portal and the external trading core. Money is a decimal
// string with two decimals ("10000.00"): JS numbers cannot hold cents exactly.

export type PasswordType = "main" | "investor";

export const CORE_OPERATIONS = [
  "health",
  "createAccount",
  "getAccount",
  "getAccounts",
  "balanceOperation",
  "transfer",
  "setPassword",
  "checkPassword",
  "archiveAccount",
] as const;

export type CoreOperation = (typeof CORE_OPERATIONS)[number];

export interface CoreAccount {
  login: number;
  group: string;
  currency: string;
  leverage: number;
  name: string;
  email: string;
  enabled: boolean;
  archived: boolean;
  balance: string;
  equity: string;
  createdAt: Date;
}

export interface CreateAccountInput {
  idempotencyKey: string;
  group: string;
  currency: string;
  leverage: number;
  name: string;
  email: string;
  passwords: { main: string; investor?: string };
  /**
   * A technical account of the broker (a house account per currency): its balance may go
   * below zero. Never set for a customer's account.
   */
  overdraft?: boolean;
}

export interface BalanceOperationInput {
  idempotencyKey: string;
  login: number;
  type: "deposit" | "withdrawal";
  amount: string;
  comment?: string;
}

export interface BalanceOperationResult {
  operationId: string;
  balance: string;
}

export interface TransferInput {
  idempotencyKey: string;
  fromLogin: number;
  toLogin: number;
  amount: string;
  comment?: string;
}

export interface TransferResult {
  operationId: string;
  fromBalance: string;
  toBalance: string;
}

export interface PasswordInput {
  login: number;
  type: PasswordType;
  password: string;
}

/**
 * Every method throws only `CoreError`s (see errors.ts). Methods taking an
 * `idempotencyKey` may be retried with the same key after a `CoreUnavailableError`:
 * the core applies the request at most once and answers a retry with the first result.
 */
export interface TradingCore {
  health(): Promise<{ latencyMs: number }>;
  createAccount(input: CreateAccountInput): Promise<{ login: number }>;
  getAccount(login: number): Promise<CoreAccount>;
  /** Many accounts in one call (at most 500 logins); logins the core does not know are left out. */
  getAccounts(logins: number[]): Promise<CoreAccount[]>;
  balanceOperation(input: BalanceOperationInput): Promise<BalanceOperationResult>;
  transfer(input: TransferInput): Promise<TransferResult>;
  setPassword(input: PasswordInput): Promise<void>;
  checkPassword(input: PasswordInput): Promise<boolean>;
  archiveAccount(input: { login: number }): Promise<void>;
}
