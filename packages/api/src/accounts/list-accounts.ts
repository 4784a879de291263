import type { AccountMode, Database, GroupKind, Prisma } from "@brokerage/db";
import { toAccountView, type AccountView } from "./account-view";
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

export interface AccountList {
  items: AccountView[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * The customer's own trading accounts and wallets (seed 001 `GET /my/accounts`):
 * filtered, favorites first, then by creation time (id breaks ties), one page of them
 * and the total count. Archived accounts only with `includeArchived`.
 */
export async function listAccounts(db: Database, customerId: number, input: ListAccountsInput): Promise<AccountList> {
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
  return { items: rows.map(toAccountView), total, limit: input.limit, offset: input.offset };
}
