import { CoreRejectedError, CoreUnavailableError, isCoreError, type TradingCore } from "@brokerage/core-adapter";
import { Prisma, type Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { coreUnavailable } from "./core-errors";
import { moneyString } from "./money";
import { assertNotArchived, findOwnAccount, type OwnAccount } from "./own-account";
import type { CustomerSession } from "../session/resolve-session";
import { requireStepUp, type StepUpDeps } from "../step-up/require-step-up";
import type { StepUpInput } from "@brokerage/validators";

export interface ArchivalDeps {
  db: Database;
  core: TradingCore;
  clock: Clock;
}

export interface ArchiveAccountInput {
  customerId: number;
  accountId: number;
  /** The customer's own open wallet in the account's currency; needed when a REAL account holds funds. */
  fallbackId?: number | undefined;
}

export type ArchiveDisposition = "transferred" | "removed" | "none";

export interface ArchiveResult {
  accountId: number;
  archivedAt: string;
  /** The wallet that received the funds, or null when nothing moved to any account. */
  fallbackId: number | null;
  /** What left the account: moved to the fallback (REAL) or removed (DEMO play money). */
  amount: string;
  disposition: ArchiveDisposition;
}

/** The core's keys of one archival: a retry after any failure replays the same request. */
export const archivalTransferKey = (archivalId: string) => `archival:${archivalId}:transfer`;
export const archivalWithdrawalKey = (archivalId: string) => `archival:${archivalId}:demo-withdrawal`;

const UNFINISHED = ["STARTED", "FUNDS_MOVED"] as const;
const MAX_ATTEMPTS = 3;

/**
 * The archival ended without archiving because the core refused a step (the balance
 * changed since it was read): nothing of that step happened, whatever moved before is in
 * the fallback, and a new archival reads the balance afresh.
 */
export class ArchivalAbandoned extends Error {
  override readonly name = "ArchivalAbandoned";
}

const fallbackInvalid = (message?: string) => new DomainError("FALLBACK_INVALID", message ? { message } : {});

/**
 * Archive (seed 001 `POST /my/accounts/{accountId}/archive`). A REAL account with funds
 * names a fallback wallet; its funds move there first, then the account is archived in
 * the core and in the portal. A DEMO account's play money is removed (it moves to no
 * account). Each step is recorded in AccountArchival (STARTED -> FUNDS_MOVED ->
 * COMPLETED) and each core call carries a key derived from the archival's id, so a
 * failure anywhere is finished by calling archive again or by `resumeArchivals`, and
 * money is never lost or doubled. An interrupted archival is finished as first asked,
 * whatever `fallbackId` the repeat names.
 */
export async function archiveAccount(
  deps: ArchivalDeps,
  input: ArchiveAccountInput,
  request: RequestMeta,
): Promise<ArchiveResult> {
  for (let attempt = 1; ; attempt++) {
    const account = await findOwnAccount(deps.db, input.customerId, input.accountId);
    assertNotArchived(account);
    const unfinished = await deps.db.accountArchival.findFirst({
      where: { accountId: account.id, status: { in: [...UNFINISHED] } },
      select: { id: true },
    });
    const archivalId = unfinished?.id ?? (await startArchival(deps, account, input.fallbackId));
    try {
      return await completeArchival(deps, archivalId, request);
    } catch (error) {
      if (!(error instanceof ArchivalAbandoned)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`archiving account ${account.id}: the balance kept changing`, { cause: error });
    }
  }
}

/**
 * `accounts.archive` of a customer: archiving a REAL account or wallet that holds money
 * needs a confirmation (issue 16), bound to the account and the fallback, asked for once
 * the fallback has been checked (so a wrong one costs no confirmation). Empty accounts, DEMO
 * play money and the finishing of an archival already under way need none.
 */
export async function archiveOwnAccount(
  deps: ArchivalDeps & StepUpDeps,
  session: CustomerSession,
  input: { accountId: number; fallbackId?: number | undefined; stepUp?: StepUpInput | undefined },
  request: RequestMeta,
): Promise<ArchiveResult> {
  const account = await findOwnAccount(deps.db, session.customerId, input.accountId);
  assertNotArchived(account);
  const unfinished = await deps.db.accountArchival.count({ where: { accountId: account.id, status: { in: [...UNFINISHED] } } });
  if (unfinished === 0 && account.accountMode === "REAL") {
    let balance: Prisma.Decimal;
    try {
      balance = new Prisma.Decimal((await deps.core.getAccount(account.login)).balance);
    } catch (error) {
      throw coreUnavailable(error);
    }
    if (balance.greaterThan(0)) {
      const fallback = await findFallback(deps.db, account, input.fallbackId);
      await requireStepUp(
        deps,
        session,
        {
          operation: "accounts.archive",
          params: { accountId: account.id, fallbackId: fallback.id },
          summary: {
            en: `archiving account ${account.login} and moving its money to your wallet`,
            de: `Archivieren des Kontos ${account.login} und Übertragen seines Guthabens auf Ihre Wallet`,
          },
        },
        input.stepUp,
        request,
      );
    }
  }
  return archiveAccount(deps, { customerId: session.customerId, accountId: input.accountId, fallbackId: input.fallbackId }, request);
}

/** The fallback must be the caller's own open wallet in the same currency (FALLBACK_INVALID otherwise, also when missing). */
async function findFallback(db: Database, account: OwnAccount, fallbackId: number | undefined) {
  if (fallbackId === undefined) {
    throw fallbackInvalid("The account holds funds: name your wallet in the same currency to receive them");
  }
  const wallet = await db.account.findFirst({
    where: { id: fallbackId, customerId: account.customerId },
    select: { id: true, kind: true, currency: true, archivedAt: true },
  });
  if (!wallet || wallet.id === account.id || wallet.kind !== "WALLET" || wallet.currency !== account.currency || wallet.archivedAt !== null) {
    throw fallbackInvalid();
  }
  const underWay = await db.accountArchival.count({ where: { accountId: wallet.id, status: { in: [...UNFINISHED] } } });
  if (underWay > 0) throw fallbackInvalid();
  return wallet;
}

/** Reads the balance, checks the fallback, and records the archival (one per account at a time). */
async function startArchival(deps: ArchivalDeps, account: OwnAccount, fallbackId: number | undefined): Promise<string> {
  let balance: Prisma.Decimal;
  try {
    balance = new Prisma.Decimal((await deps.core.getAccount(account.login)).balance);
  } catch (error) {
    throw coreUnavailable(error);
  }
  const funded = balance.greaterThan(0);
  // Demo money never moves to another account, and an empty account needs no fallback.
  const fallback = funded && account.accountMode === "REAL" ? await findFallback(deps.db, account, fallbackId) : null;
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    // The account row's lock makes concurrent archive calls record a single archival.
    await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${account.id} FOR UPDATE`;
    const current = await tx.account.findUniqueOrThrow({ where: { id: account.id }, select: { archivedAt: true } });
    assertNotArchived(current);
    const existing = await tx.accountArchival.findFirst({
      where: { accountId: account.id, status: { in: [...UNFINISHED] } },
      select: { id: true },
    });
    if (existing) return existing.id;
    const created = await tx.accountArchival.create({
      data: { accountId: account.id, fallbackAccountId: fallback?.id ?? null, amount: balance, createdAt: now },
      select: { id: true },
    });
    return created.id;
  });
}

const archivalSelect = {
  id: true,
  status: true,
  amount: true,
  account: { select: { id: true, customerId: true, login: true, accountMode: true, archivedAt: true } },
  fallbackAccount: { select: { id: true, login: true } },
} satisfies Prisma.AccountArchivalSelect;

type ArchivalRow = Prisma.AccountArchivalGetPayload<{ select: typeof archivalSelect }>;

const readArchival = (db: Database, id: string) => db.accountArchival.findUniqueOrThrow({ where: { id }, select: archivalSelect });

async function abandon(db: Database, row: ArchivalRow, from: "STARTED" | "FUNDS_MOVED", lastError: string): Promise<never> {
  await db.accountArchival.updateMany({ where: { id: row.id, status: from }, data: { status: "FAILED", lastError } });
  throw new ArchivalAbandoned(lastError);
}

function disposition(row: ArchivalRow): ArchiveDisposition {
  if (!row.amount.greaterThan(0)) return "none";
  return row.account.accountMode === "REAL" ? "transferred" : "removed";
}

/** Moves the recorded amount out with the archival's key: a replay after a lost reply moves nothing twice. */
async function moveFunds(deps: ArchivalDeps, row: ArchivalRow): Promise<void> {
  const amount = moneyString(row.amount);
  try {
    if (row.account.accountMode === "REAL") {
      if (!row.fallbackAccount) throw new Error(`archival ${row.id} holds funds but no fallback`);
      await deps.core.transfer({
        idempotencyKey: archivalTransferKey(row.id),
        fromLogin: row.account.login,
        toLogin: row.fallbackAccount.login,
        amount,
        comment: `Archiving account ${row.account.login}`,
      });
    } else {
      await deps.core.balanceOperation({
        idempotencyKey: archivalWithdrawalKey(row.id),
        login: row.account.login,
        type: "withdrawal",
        amount,
        comment: `Archiving demo account ${row.account.login}: demo balance removed`,
      });
    }
  } catch (error) {
    if (error instanceof CoreUnavailableError) throw coreUnavailable(error);
    // A refusal is not remembered by the core: nothing moved, the key is unused.
    if (isCoreError(error)) {
      await abandon(deps.db, row, "STARTED", `move:${error instanceof CoreRejectedError ? error.reason : error.kind}`);
    }
    throw error;
  }
}

/**
 * Drives a recorded archival to its end from whatever step it reached. Safe to run
 * twice at once (the request and the recovery job): the core applies each key once, the
 * archive call is idempotent, and each status change is conditional.
 */
export async function completeArchival(deps: ArchivalDeps, archivalId: string, request: RequestMeta): Promise<ArchiveResult> {
  const { db } = deps;
  let row = await readArchival(db, archivalId);
  if (row.status === "FAILED") throw new ArchivalAbandoned("the archival was abandoned");
  if (row.status === "STARTED") {
    if (row.amount.greaterThan(0)) await moveFunds(deps, row);
    await db.accountArchival.updateMany({ where: { id: row.id, status: "STARTED" }, data: { status: "FUNDS_MOVED" } });
    row = await readArchival(db, archivalId);
    if (row.status === "FAILED") throw new ArchivalAbandoned("the archival was abandoned");
  }
  if (row.status === "FUNDS_MOVED") {
    try {
      await deps.core.archiveAccount({ login: row.account.login });
    } catch (error) {
      if (error instanceof CoreRejectedError && error.reason === "balance_not_zero") {
        // Money arrived after the move: it stays on the account for a new archival to move.
        await abandon(db, row, "FUNDS_MOVED", `archive:${error.reason}`);
      }
      throw coreUnavailable(error);
    }
    const now = deps.clock.now();
    await db.$transaction(async (tx) => {
      const done = await tx.accountArchival.updateMany({ where: { id: row.id, status: "FUNDS_MOVED" }, data: { status: "COMPLETED" } });
      if (done.count === 0) return;
      await tx.account.updateMany({ where: { id: row.account.id, archivedAt: null }, data: { archivedAt: now, openWalletCurrency: null } });
      // Nothing password-related stays usable on an archived account.
      await tx.tradingPasswordFlow.updateMany({
        where: { accountId: row.account.id, completedAt: null, closedAt: null },
        data: { closedAt: now },
      });
      await tx.passwordRestoreLink.updateMany({
        where: { accountId: row.account.id, usedAt: null },
        data: { usedAt: now, passwordEnc: null },
      });
      await recordAuditEvent(tx, {
        kind: "account.archived",
        customerId: row.account.customerId,
        request,
        data: {
          accountId: row.account.id,
          login: row.account.login,
          archivalId: row.id,
          amount: moneyString(row.amount),
          disposition: disposition(row),
          fallbackAccountId: row.fallbackAccount?.id ?? null,
        },
        at: now,
      });
    });
  }
  const account = await db.account.findUniqueOrThrow({ where: { id: row.account.id }, select: { archivedAt: true } });
  if (!account.archivedAt) throw new Error(`archival ${row.id} completed but account ${row.account.id} is not archived`);
  return {
    accountId: row.account.id,
    archivedAt: account.archivedAt.toISOString(),
    fallbackId: disposition(row) === "transferred" ? (row.fallbackAccount?.id ?? null) : null,
    amount: moneyString(row.amount),
    disposition: disposition(row),
  };
}
