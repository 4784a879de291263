import type { Prisma } from "@brokerage/db";
import { DomainError } from "../errors";

/** What every account-scoped operation may need of the account; never a secret. */
export const ownAccountSelect = {
  id: true,
  customerId: true,
  login: true,
  kind: true,
  accountMode: true,
  currency: true,
  platform: true,
  leverage: true,
  caption: true,
  favorite: true,
  mustChangePassword: true,
  archivedAt: true,
  createdAt: true,
  group: { select: { name: true } },
} satisfies Prisma.AccountSelect;

export type OwnAccount = Prisma.AccountGetPayload<{ select: typeof ownAccountSelect }>;

type AccountReader = Pick<Prisma.TransactionClient, "account">;

/** The one refusal for "no such account" and "not your account": the two must not differ. */
export const accountNotFound = () => new DomainError("NOT_FOUND", { message: "Account not found" });

/**
 * The caller's own account, or 404 NOT_FOUND. Every account-scoped operation starts
 * here: another customer's account answers exactly like an id that does not exist (same
 * code, same message, same single query), so ids cannot be probed.
 */
export async function findOwnAccount(db: AccountReader, customerId: number, accountId: number): Promise<OwnAccount> {
  const account = await db.account.findFirst({ where: { id: accountId, customerId }, select: ownAccountSelect });
  if (!account) throw accountNotFound();
  return account;
}

/** 409 ACCOUNT_ARCHIVED: an archived account is read-only. */
export function assertNotArchived(account: Pick<OwnAccount, "archivedAt">): void {
  if (account.archivedAt !== null) throw new DomainError("ACCOUNT_ARCHIVED");
}

/**
 * An archival under way (funds possibly moving) freezes the account's money like an
 * archived one, so nothing moves the balance the archival recorded.
 */
export async function assertNoArchivalUnderWay(db: Pick<Prisma.TransactionClient, "accountArchival">, accountIds: number[]) {
  const underWay = await db.accountArchival.count({
    where: { accountId: { in: accountIds }, status: { in: ["STARTED", "FUNDS_MOVED"] } },
  });
  if (underWay > 0) throw new DomainError("ACCOUNT_ARCHIVED", { message: "The account is being archived" });
}
