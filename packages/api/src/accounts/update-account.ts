import type { Database } from "@brokerage/db";
import { toAccountView, type AccountView } from "./account-view";
import { DomainError } from "../errors";
import { assertNotArchived, findOwnAccount } from "./own-account";
import { assertNoReservedNames } from "../customer/reserved-names";

export interface UpdateAccountInput {
  /** 1..64 characters (trimmed); null goes back to the default caption. */
  caption?: string | null | undefined;
  favorite?: boolean | undefined;
}

/** Rename and mark as favorite (seed 001 PUT/PATCH `/my/accounts/{accountId}`); archived accounts are read-only. */
export async function updateAccount(
  db: Database,
  customerId: number,
  accountId: number,
  input: UpdateAccountInput,
): Promise<AccountView> {
  const account = await findOwnAccount(db, customerId, accountId);
  assertNotArchived(account);
  // A caption is a name the customer chooses: seed 004's reserved names are refused (409).
  if (input.caption) assertNoReservedNames({ caption: input.caption });
  // The archived check is repeated in the write, so a concurrent archive wins cleanly.
  const updated = await db.account.updateMany({
    where: { id: account.id, archivedAt: null },
    data: {
      ...(input.caption !== undefined ? { caption: input.caption } : {}),
      ...(input.favorite !== undefined ? { favorite: input.favorite } : {}),
    },
  });
  if (updated.count === 0) throw new DomainError("ACCOUNT_ARCHIVED");
  return toAccountView(await findOwnAccount(db, customerId, accountId));
}
