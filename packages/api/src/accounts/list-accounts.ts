import type { TradingCore } from "@brokerage/core-adapter";
import type { AccountMode, Database, GroupKind, Prisma } from "@brokerage/db";
import { toAccountView, type AccountView } from "./account-view";
import { readCoreBalances } from "./core-balances";
import { ownAccountSelect } from "./own-account";
import { wherePermissions, type Permission } from "./permissions";

export interface ListAccountsInput {
  alphabeticCurrencyCode?: string | undefined;
  /** Accounts holding every one of these. */
  permissions?: Permission[] | undefined;
  platform?: string | undefined;
  accountMode?: AccountMode | undefined;
  kind?: GroupKind | undefined;
  includeArchived: boolean;
  sortBy: "createTime";
  sortOrder: "asc" | "desc";
  limit: number;
  offset: number;
}

export interface AccountListItem extends AccountView {
  /** From the trading core, two decimals; null when the core did not answer (or does not know the account). */
  balance: string | null;
}

export interface AccountList {
  items: AccountListItem[];
  /** False when the core did not answer: the list is complete, its balances are null. */
  balancesAvailable: boolean;
  total: number;
  limit: number;
  offset: number;
}

/**
 * The customer's own trading accounts and wallets (seed 001 `GET /my/accounts`):
 * filtered, favorites first, then by creation time (id breaks ties), one page of them
 * and the total count. Archived accounts only with `includeArchived`. The page's balances
 * come from the core in one batch call; a core that does not answer leaves them null.
 */
export async function listAccounts(
  deps: { db: Database; core: TradingCore },
  customerId: number,
  input: ListAccountsInput,
): Promise<AccountList> {
  const { db } = deps;
  const where: Prisma.AccountWhereInput = {
    customerId,
    ...(input.includeArchived ? {} : { archivedAt: null }),
    ...(input.alphabeticCurrencyCode ? { currency: input.alphabeticCurrencyCode } : {}),
    ...(input.platform ? { platform: input.platform } : {}),
    ...(input.accountMode ? { accountMode: input.accountMode } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.permissions?.length ? wherePermissions(input.permissions) : {}),
  };
  const order = input.sortOrder;
  const [rows, total] = await Promise.all([
    db.account.findMany({
      where,
      orderBy: [{ favorite: "desc" }, { createdAt: order }, { id: order }],
      take: input.limit,
      skip: input.offset,
      select: ownAccountSelect,
    }),
    db.account.count({ where }),
  ]);
  const balances = await readCoreBalances(
    deps.core,
    rows.map((row) => row.login),
  );
  return {
    items: rows.map((row) => ({ ...toAccountView(row), balance: balances?.get(row.login) ?? null })),
    balancesAvailable: balances !== null,
    total,
    limit: input.limit,
    offset: input.offset,
  };
}
