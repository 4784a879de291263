import { setTimeout as sleep } from "node:timers/promises";
import { CoreRejectedError, InsufficientFundsError, isCoreError, type TradingCore } from "@brokerage/core-adapter";
import type { Database, Prisma } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { coreUnavailable } from "../accounts/core-errors";
import { movementError } from "../accounts/movement-errors";
import { assertNoArchivalUnderWay, assertNotArchived, findOwnAccount } from "../accounts/own-account";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError, isErrorCode } from "../errors";
import { houseAccountLogin } from "../money/house-accounts";
import { startMoneyOperation } from "../money/customer-lock";
import { recordMovement } from "../money/movements";
import { conversionView, quoteSelect, type QuoteRow } from "./quote-view";

export interface ConversionDeps {
  db: Database;
  core: TradingCore;
  clock: Clock;
}

/** The core keys of a conversion's legs: derived from the quote id, so each leg moves once. */
export const conversionCoreKeys = (quoteId: string) => ({ sell: `conversion:${quoteId}:sell`, buy: `conversion:${quoteId}:buy` });

/** The history reference both legs' movement rows share. */
export const conversionReference = (quoteId: string) => `conversion:${quoteId}`;

/** Two PostgreSQL advisory-lock keys: this namespace and a hash of the quote id. */
const LOCK_NAMESPACE = 7_401_002;

/** How long an accept waits for another caller (or the recovery pass) driving the same quote. */
const WAIT_FOR_OTHER_MS = 20_000;

const SYSTEM_REQUEST: RequestMeta = { requestId: "conversion-recovery", ip: null, userAgent: "conversion-recovery" };

type DriveOutcome =
  | { kind: "completed" }
  | { kind: "failed"; error: DomainError }
  | { kind: "interrupted"; error: DomainError }
  /** Another caller holds the quote's lock right now. */
  | { kind: "busy" }
  /** Not ACCEPTED or SOLD (any more): nothing to drive. */
  | { kind: "idle" };

/**
 * Drives an accepted conversion to its end: the sell leg (customer's from wallet -> house
 * account of the sell currency), then the buy leg (house account of the buy currency ->
 * customer's to wallet), each with its own core key, each recorded (status, balance after,
 * the history row) when the core confirms it. One driver per quote at a time (an advisory
 * lock held by a transaction, released by PostgreSQL whatever happens); a driver that died
 * or a core that did not answer leaves ACCEPTED or SOLD, and the next driver repeats the
 * leg with the same key: the core applies it once and answers the first result.
 */
async function driveConversion(deps: ConversionDeps, quoteId: string, request: RequestMeta): Promise<DriveOutcome> {
  const { db, core } = deps;
  const first = await db.conversionQuote.findUniqueOrThrow({ where: { id: quoteId }, select: { status: true, sellCurrency: true, buyCurrency: true } });
  if (first.status !== "ACCEPTED" && first.status !== "SOLD") return { kind: "idle" };
  // Before the lock: these may create the house accounts and use connections of their own.
  let houseSell: number;
  let houseBuy: number;
  try {
    houseSell = await houseAccountLogin(deps, first.sellCurrency);
    houseBuy = await houseAccountLogin(deps, first.buyCurrency);
  } catch (error) {
    return { kind: "interrupted", error: coreUnavailable(error) };
  }
  const keys = conversionCoreKeys(quoteId);
  const reference = conversionReference(quoteId);

  return db.$transaction(
    async (tx): Promise<DriveOutcome> => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${quoteId})) AS locked`;
      if (!lock?.locked) return { kind: "busy" };
      const quote = await tx.conversionQuote.findUniqueOrThrow({
        where: { id: quoteId },
        select: { ...quoteSelect, fromAccount: { select: { login: true } }, toAccount: { select: { login: true } } },
      });
      const legs = { customerId: quote.customerId, kind: "CONVERSION", status: "COMPLETED", reference } as const;

      if (quote.status === "ACCEPTED") {
        let sold;
        try {
          sold = await core.transfer({
            idempotencyKey: keys.sell,
            fromLogin: quote.fromAccount.login,
            toLogin: houseSell,
            amount: quote.sellAmount.toFixed(2),
            comment: `Conversion ${quoteId}: ${quote.sellCurrency} sold`,
          });
        } catch (error) {
          if (error instanceof InsufficientFundsError || error instanceof CoreRejectedError) {
            // The core refused: nothing moved. The quote is spent.
            const refusal = movementError(error);
            await tx.conversionQuote.update({ where: { id: quoteId }, data: { status: "FAILED", failureCode: refusal.code, lastError: errorKind(error) } });
            return { kind: "failed", error: refusal };
          }
          await tx.conversionQuote.update({ where: { id: quoteId }, data: { lastError: errorKind(error) } });
          return { kind: "interrupted", error: coreUnavailable(error) };
        }
        const at = deps.clock.now();
        await tx.conversionQuote.update({
          where: { id: quoteId },
          data: { status: "SOLD", sellOperationId: sold.operationId, fromBalanceAfter: sold.fromBalance, lastError: null },
        });
        await recordMovement(tx, {
          ...legs,
          accountId: quote.fromAccountId,
          counterpartyAccountId: quote.toAccountId,
          amount: `-${quote.sellAmount.toFixed(2)}`,
          currency: quote.sellCurrency,
          description: `Converted to ${quote.buyCurrency} at ${quote.customerRate.toFixed(6)}`,
          at,
        });
        quote.status = "SOLD";
      }

      if (quote.status === "SOLD") {
        let bought;
        try {
          bought = await core.transfer({
            idempotencyKey: keys.buy,
            fromLogin: houseBuy,
            toLogin: quote.toAccount.login,
            amount: quote.buyAmount.toFixed(2),
            comment: `Conversion ${quoteId}: ${quote.buyCurrency} bought`,
          });
        } catch (error) {
          // The customer's money is sold: this leg is owed, whatever the core says now. It
          // stays SOLD for the next accept or the recovery pass (lastError says why).
          await tx.conversionQuote.update({ where: { id: quoteId }, data: { lastError: errorKind(error) } });
          return { kind: "interrupted", error: coreUnavailable(error) };
        }
        const at = deps.clock.now();
        await tx.conversionQuote.update({
          where: { id: quoteId },
          data: { status: "COMPLETED", buyOperationId: bought.operationId, toBalanceAfter: bought.toBalance, completedAt: at, lastError: null },
        });
        await recordMovement(tx, {
          ...legs,
          accountId: quote.toAccountId,
          counterpartyAccountId: quote.fromAccountId,
          amount: quote.buyAmount.toFixed(2),
          currency: quote.buyCurrency,
          description: `Converted from ${quote.sellCurrency} at ${quote.customerRate.toFixed(6)}`,
          at,
        });
        await recordAuditEvent(tx, {
          kind: "account.converted",
          customerId: quote.customerId,
          request,
          data: {
            quoteId,
            fromAccountId: quote.fromAccountId,
            toAccountId: quote.toAccountId,
            sellAmount: quote.sellAmount.toFixed(2),
            sellCurrency: quote.sellCurrency,
            buyAmount: quote.buyAmount.toFixed(2),
            buyCurrency: quote.buyCurrency,
            customerRate: quote.customerRate.toFixed(6),
          },
          at,
        });
        return { kind: "completed" };
      }
      return { kind: "idle" };
    },
    // Two core calls inside: as long as the core may take, and then some.
    { maxWait: 10_000, timeout: 120_000 },
  );
}

function errorKind(error: unknown): string {
  return isCoreError(error) ? `core:${error.kind}` : "unexpected";
}

const failedError = (row: Pick<QuoteRow, "failureCode">) =>
  new DomainError(row.failureCode && isErrorCode(row.failureCode) ? row.failureCode : "INSUFFICIENT_FUNDS", {
    message: "This conversion failed and moved nothing; ask for a new quote",
  });

export interface AcceptInput {
  customerId: number;
  quoteId: string;
}

type QuoteReader = Pick<Prisma.TransactionClient, "conversionQuote">;
const readOwnQuote = async (db: QuoteReader, customerId: number, quoteId: string) => {
  const row = await db.conversionQuote.findFirst({ where: { id: quoteId, customerId }, select: quoteSelect });
  if (!row) throw new DomainError("NOT_FOUND", { message: "Quote not found" });
  return row;
};

/**
 * Accepts a quote, once. Another customer's quote answers like a missing one (404). An
 * OPEN quote past its 30 s is QUOTE_EXPIRED; one whose wallets were archived meanwhile is
 * ACCOUNT_ARCHIVED; both change nothing. Accepting claims the quote (OPEN -> ACCEPTED, one
 * winner among parallel calls) and drives both legs. A repeat, or a parallel call, answers
 * the same result: it finishes a conversion left ACCEPTED or SOLD, waits for one being
 * driven, and answers a COMPLETED one from what was stored. The sell leg refused for funds
 * is 409 INSUFFICIENT_FUNDS and the quote FAILED (a new quote is needed); a core that does
 * not answer is CORE_NOT_AVAILABLE with the conversion still in progress: repeating the
 * accept (or the recovery pass) finishes it.
 */
export async function acceptQuote(deps: ConversionDeps, input: AcceptInput, request: RequestMeta) {
  const { db } = deps;
  let quote = await readOwnQuote(db, input.customerId, input.quoteId);
  if (quote.status === "OPEN") {
    const now = deps.clock.now();
    if (now.getTime() >= quote.expiresAt.getTime()) {
      throw new DomainError("QUOTE_EXPIRED", { details: { expiresAt: quote.expiresAt.toISOString() } });
    }
    const from = await findOwnAccount(db, input.customerId, quote.fromAccountId);
    const to = await findOwnAccount(db, input.customerId, quote.toAccountId);
    assertNotArchived(from);
    assertNotArchived(to);
    await assertNoArchivalUnderWay(db, [from.id, to.id]);
    await db.$transaction(async (tx) => {
      // Serialised with a closure of the relationship (refused once it is closed).
      await startMoneyOperation(tx, input.customerId);
      await tx.conversionQuote.updateMany({
        where: { id: quote.id, status: "OPEN", expiresAt: { gt: now } },
        data: { status: "ACCEPTED", acceptedAt: now },
      });
    });
    quote = await readOwnQuote(db, input.customerId, input.quoteId);
    if (quote.status === "OPEN") throw new DomainError("QUOTE_EXPIRED", { details: { expiresAt: quote.expiresAt.toISOString() } });
  }

  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  for (;;) {
    if (quote.status === "COMPLETED") return conversionView(quote, deps.clock.now());
    if (quote.status === "FAILED") throw failedError(quote);
    if (quote.status === "EXPIRED") throw new DomainError("QUOTE_EXPIRED", { details: { expiresAt: quote.expiresAt.toISOString() } });
    const outcome = await driveConversion(deps, quote.id, request);
    if (outcome.kind === "failed" || outcome.kind === "interrupted") throw outcome.error;
    if (outcome.kind === "busy") {
      if (Date.now() > deadline) throw new DomainError("CORE_NOT_AVAILABLE", { message: "The conversion is still in progress; try again" });
      await sleep(50);
    }
    quote = await readOwnQuote(db, input.customerId, input.quoteId);
  }
}

/**
 * The recovery pass of conversions, run periodically by the server (like
 * `recoverOpenings`): conversions left ACCEPTED or SOLD (a core that did not answer, a
 * process that died) for longer than `olderThanMs` are driven to their end with the same
 * core keys; OPEN quotes past their expiry are marked EXPIRED.
 */
export async function recoverConversions(deps: ConversionDeps, options: { olderThanMs?: number; limit?: number } = {}) {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? 30_000));
  const result = { completed: 0, failed: 0, pending: 0, expired: 0 };
  const expired = await deps.db.conversionQuote.updateMany({ where: { status: "OPEN", expiresAt: { lte: now } }, data: { status: "EXPIRED" } });
  result.expired = expired.count;
  const unfinished = await deps.db.conversionQuote.findMany({
    where: { status: { in: ["ACCEPTED", "SOLD"] }, acceptedAt: { lt: cutoff } },
    orderBy: { acceptedAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true },
  });
  for (const { id } of unfinished) {
    try {
      const outcome = await driveConversion(deps, id, SYSTEM_REQUEST);
      if (outcome.kind === "completed") result.completed++;
      else if (outcome.kind === "failed") result.failed++;
      else if (outcome.kind !== "idle") result.pending++;
    } catch {
      result.pending++;
    }
  }
  return result;
}
