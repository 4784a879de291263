import type { AccountMode, GroupKind, Prisma } from "@brokerage/db";
import { ACCOUNT_PERMISSIONS, type AccountPermission } from "@brokerage/validators";

/**
 * The permissions of an account (seed 001's `permissions` filter), derived from its kind,
 * mode and state. This is the one place they are defined: the list filter, the items'
 * `permissions` and the checks of transfers all read this table.
 *
 * | permission         | holds when                                 |
 * |--------------------|--------------------------------------------|
 * | enabled            | not archived                               |
 * | visible            | not archived                               |
 * | trade              | TRADING (any mode), not archived           |
 * | deposit            | REAL (trading account or wallet), not archived |
 * | withdrawal         | REAL (trading account or wallet), not archived |
 * | transferDeposit    | REAL (trading account or wallet), not archived |
 * | transferWithdrawal | REAL (trading account or wallet), not archived |
 * | exchange           | WALLET, not archived                       |
 *
 * DEMO accounts trade play money: nothing moves in or out of them. Archived accounts
 * keep no permission at all (they stay readable, with `includeArchived`).
 */
// The names are shared with the portal's filters (packages/validators); their meaning is here.
export const PERMISSIONS = ACCOUNT_PERMISSIONS;

export type Permission = AccountPermission;

export interface PermissionSubject {
  kind: GroupKind;
  accountMode: AccountMode;
  archivedAt: Date | null;
}

interface Rule {
  /** Whether an account in memory has the permission. */
  holds(account: PermissionSubject): boolean;
  /** The same rule as a database filter (the list filters and counts in SQL). */
  where: Prisma.AccountWhereInput;
}

const open = (a: PermissionSubject) => a.archivedAt === null;
const realMoney: Rule = {
  holds: (a) => open(a) && a.accountMode === "REAL",
  where: { archivedAt: null, accountMode: "REAL" },
};

export const PERMISSION_RULES: Record<Permission, Rule> = {
  enabled: { holds: open, where: { archivedAt: null } },
  visible: { holds: open, where: { archivedAt: null } },
  trade: { holds: (a) => open(a) && a.kind === "TRADING", where: { archivedAt: null, kind: "TRADING" } },
  deposit: realMoney,
  withdrawal: realMoney,
  transferDeposit: realMoney,
  transferWithdrawal: realMoney,
  exchange: { holds: (a) => open(a) && a.kind === "WALLET", where: { archivedAt: null, kind: "WALLET" } },
};

export function permissionsOf(account: PermissionSubject): Permission[] {
  return PERMISSIONS.filter((p) => PERMISSION_RULES[p].holds(account));
}

export function hasPermission(account: PermissionSubject, permission: Permission): boolean {
  return PERMISSION_RULES[permission].holds(account);
}

/** Accounts holding every one of `permissions`. */
export function wherePermissions(permissions: readonly Permission[]): Prisma.AccountWhereInput {
  return { AND: permissions.map((p) => PERMISSION_RULES[p].where) };
}
