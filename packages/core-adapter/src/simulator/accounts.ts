import type pg from "pg";
import { CoreNotFoundError, CoreRejectedError } from "../errors";
import type { CoreAccount } from "../trading-core";

export interface NewAccount {
  group: string;
  currency: string;
  leverage: number;
  name: string;
  email: string;
  overdraft: boolean;
}

interface AccountRow {
  login: string; // BIGINT arrives as a string
  group: string;
  currency: string;
  leverage: number;
  name: string;
  email: string;
  enabled: boolean;
  archived: boolean;
  balance: string;
  created_at: Date;
}

const ACCOUNT_COLUMNS = `login, "group", currency, leverage, name, email, enabled,
  archived_at IS NOT NULL AS archived, balance, created_at`;

function toCoreAccount(row: AccountRow): CoreAccount {
  return {
    login: Number(row.login),
    group: row.group,
    currency: row.currency,
    leverage: row.leverage,
    name: row.name,
    email: row.email,
    enabled: row.enabled,
    archived: row.archived,
    balance: row.balance,
    // The simulator holds no positions, so nothing floats on top of the balance.
    equity: row.balance,
    createdAt: row.created_at,
  };
}

export async function insertAccount(client: pg.PoolClient, account: NewAccount): Promise<number> {
  const { rows } = await client.query<{ login: string }>(
    `INSERT INTO core_sim.accounts ("group", currency, leverage, name, email, overdraft)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING login`,
    [account.group, account.currency, account.leverage, account.name, account.email, account.overdraft],
  );
  return Number(rows[0]?.login);
}

export async function selectAccount(
  db: pg.Pool | pg.PoolClient,
  login: number,
): Promise<CoreAccount> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM core_sim.accounts WHERE login = $1`,
    [login],
  );
  const row = rows[0];
  if (!row) throw new CoreNotFoundError(login);
  return toCoreAccount(row);
}

export async function selectAccounts(db: pg.Pool | pg.PoolClient, logins: number[]): Promise<CoreAccount[]> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM core_sim.accounts WHERE login = ANY($1::bigint[]) ORDER BY login`,
    [logins],
  );
  return rows.map(toCoreAccount);
}

/**
 * Locks the accounts for the rest of the transaction, always in ascending login order:
 * two transfers between the same pair in opposite directions then queue instead of
 * deadlocking. Returned in the order asked.
 */
export async function lockAccounts(
  client: pg.PoolClient,
  logins: number[],
): Promise<CoreAccount[]> {
  const { rows } = await client.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM core_sim.accounts WHERE login = ANY($1::bigint[]) ORDER BY login FOR UPDATE`,
    [logins],
  );
  const byLogin = new Map(rows.map((row) => [Number(row.login), toCoreAccount(row)]));
  return logins.map((login) => {
    const account = byLogin.get(login);
    if (!account) throw new CoreNotFoundError(login);
    return account;
  });
}

/** Archived and disabled accounts take no money movements and no password changes. */
export function assertOperable(account: CoreAccount): void {
  if (account.archived) {
    throw new CoreRejectedError("account_archived", `Trading account ${account.login} is archived`);
  }
  if (!account.enabled) {
    throw new CoreRejectedError("account_disabled", `Trading account ${account.login} is disabled`);
  }
}

/** Archiving twice is a success; archiving money away is not allowed. */
export async function archiveLockedAccount(
  client: pg.PoolClient,
  account: CoreAccount,
): Promise<void> {
  if (account.archived) return;
  const { rowCount } = await client.query(
    "UPDATE core_sim.accounts SET archived_at = now() WHERE login = $1 AND balance = 0",
    [account.login],
  );
  if (rowCount !== 1) {
    throw new CoreRejectedError(
      "balance_not_zero",
      `Trading account ${account.login} still holds ${account.balance}; move the funds first`,
    );
  }
}
