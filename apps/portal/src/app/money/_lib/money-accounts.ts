import "server-only";
import { MONEY_LIMITS } from "@brokerage/api";
import { getServerCaller } from "~/trpc/server";

/** An account money can go to or come from, as the money forms list it. */
export interface MoneyAccount {
  id: number;
  login: number;
  caption: string;
  currency: string;
}

/**
 * The customer's open REAL accounts and wallets that allow `permission` (DEMO accounts
 * never do: their money is the opening deposit). Favorites and the oldest first.
 */
export async function moneyAccounts(permission: "deposit" | "withdrawal"): Promise<MoneyAccount[]> {
  const caller = await getServerCaller();
  const list = await caller.accounts.list({ permissions: [permission], accountMode: "REAL", sortOrder: "asc", limit: 100 });
  return list.items
    .filter((a) => a.archivedAt === null)
    .map((a) => ({ id: a.id, login: a.login, caption: a.caption, currency: a.currency }));
}

/** The deposit limits of each currency the accounts hold (the API's own table). */
export function depositLimitsFor(accounts: MoneyAccount[]): Record<string, { min: string; max: string }> {
  const out: Record<string, { min: string; max: string }> = {};
  for (const { currency } of accounts) {
    const limits = MONEY_LIMITS[currency] ?? MONEY_LIMITS["*"]!;
    out[currency] = { min: limits.depositMin, max: limits.depositMax };
  }
  return out;
}

/** `?accountId=` when it names one of `accounts`, else the first of them (or ""). */
export function preselectedAccount(accounts: MoneyAccount[], raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const match = accounts.find((a) => String(a.id) === value);
  return String((match ?? accounts[0])?.id ?? "");
}
