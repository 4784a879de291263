// Every balance change is a ledger row written in the transaction that updates the
// account's balance, so `balance = sum(ledger.amount)` holds for every account. Amounts
// stay decimal strings and all arithmetic happens in PostgreSQL's numeric.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { CoreRejectedError, InsufficientFundsError } from "../errors";
import type { BalanceOperationResult, TransferResult } from "../trading-core";
import { assertOperable, lockAccounts } from "./accounts";

type LedgerKind = "deposit" | "withdrawal" | "transfer_in" | "transfer_out";

interface Movement {
  operationId: string;
  login: number;
  kind: LedgerKind;
  /** Positive, two decimals. */
  amount: string;
  counterpartLogin?: number;
  comment: string | null;
}

/**
 * Moves `amount` in or out of one (already locked) account and records it. Returns the
 * new balance, or null when a debit would take the balance below zero (nothing written)
 * and the account is not a technical one allowed to.
 */
async function move(client: pg.PoolClient, movement: Movement): Promise<string | null> {
  const credit = movement.kind === "deposit" || movement.kind === "transfer_in";
  const { rows } = await client.query<{ balance: string }>(
    `UPDATE core_sim.accounts SET balance = balance + $2::numeric(20, 2)
      WHERE login = $1 AND (balance + $2::numeric(20, 2) >= 0 OR overdraft)
      RETURNING balance`,
    [movement.login, credit ? movement.amount : `-${movement.amount}`],
  );
  const balance = rows[0]?.balance;
  if (balance === undefined) return null;
  await client.query(
    `INSERT INTO core_sim.ledger (operation_id, login, kind, amount, balance_after, counterpart_login, comment)
     VALUES ($1, $2, $3, $4::numeric(20, 2), $5, $6, $7)`,
    [
      movement.operationId,
      movement.login,
      movement.kind,
      credit ? movement.amount : `-${movement.amount}`,
      balance,
      movement.counterpartLogin ?? null,
      movement.comment,
    ],
  );
  return balance;
}

export async function applyBalanceOperation(
  client: pg.PoolClient,
  input: { login: number; type: "deposit" | "withdrawal"; amount: string; comment: string | null },
): Promise<BalanceOperationResult> {
  const [account] = await lockAccounts(client, [input.login]);
  if (!account) throw new Error("lockAccounts returned nothing");
  assertOperable(account);
  const operationId = randomUUID();
  const balance = await move(client, { operationId, ...input, kind: input.type });
  if (balance === null)
    throw new InsufficientFundsError(account.login, account.balance, input.amount);
  return { operationId, balance };
}

export async function applyTransfer(
  client: pg.PoolClient,
  input: { fromLogin: number; toLogin: number; amount: string; comment: string | null },
): Promise<TransferResult> {
  if (input.fromLogin === input.toLogin) {
    throw new CoreRejectedError("same_account", "A transfer needs two different accounts");
  }
  const [from, to] = await lockAccounts(client, [input.fromLogin, input.toLogin]);
  if (!from || !to) throw new Error("lockAccounts returned too little");
  assertOperable(from);
  assertOperable(to);
  if (from.currency !== to.currency) {
    throw new CoreRejectedError(
      "currency_mismatch",
      `Cannot transfer from ${from.currency} account ${from.login} to ${to.currency} account ${to.login}`,
    );
  }
  const operationId = randomUUID();
  const { amount, comment } = input;
  const fromBalance = await move(client, {
    operationId,
    login: from.login,
    kind: "transfer_out",
    amount,
    counterpartLogin: to.login,
    comment,
  });
  if (fromBalance === null) throw new InsufficientFundsError(from.login, from.balance, amount);
  const toBalance = await move(client, {
    operationId,
    login: to.login,
    kind: "transfer_in",
    amount,
    counterpartLogin: from.login,
    comment,
  });
  if (toBalance === null) throw new Error(`Crediting account ${to.login} failed`);
  return { operationId, fromBalance, toBalance };
}
