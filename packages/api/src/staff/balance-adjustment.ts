// Money under four eyes (issue 11). A staff balance adjustment is a request: up to the
// currency's threshold it applies at once, strictly above it it waits PENDING for a
// second staff member (adjustment-decisions.ts). Every request is a row written before
// the core is called, and the core's idempotency key is derived from the row's id, so
// whatever fails midway, a retry moves the money at most once.
import { isCoreError, type TradingCore } from "@brokerage/core-adapter";
import { Prisma, type Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordMovement } from "../money/movements";
import { recordAuditEvent } from "../audit/record-audit-event";
import { moneyString } from "../accounts/money";
import { accountNotFound, assertNoArchivalUnderWay, assertNotArchived } from "../accounts/own-account";
import { coreUnavailable } from "../accounts/core-errors";
import { movementError } from "../accounts/movement-errors";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import { needsApproval, type AdjustmentThresholds } from "./adjustment-thresholds";

export interface BalanceAdjustmentInput {
  staffId: number;
  accountId: number;
  type: "deposit" | "withdrawal";
  amount: string;
  comment: string;
  idempotencyKey: string;
}

export interface AdjustmentDeps {
  db: Database;
  core: TradingCore;
  clock: Clock;
  thresholds: AdjustmentThresholds;
}

/** The core's key: one per request row, so a retry of any step can never move money twice. */
export const adjustmentCoreKey = (requestId: string) => `balance-adjustment:${requestId}`;

export const adjustmentSelect = {
  id: true,
  type: true,
  amount: true,
  currency: true,
  comment: true,
  idempotencyKey: true,
  approvalRequired: true,
  status: true,
  rejectionReason: true,
  decidedAt: true,
  appliedAt: true,
  operationId: true,
  balanceAfter: true,
  createdAt: true,
  makerId: true,
  checkerId: true,
  maker: { select: { id: true, name: true, email: true } },
  checker: { select: { id: true, name: true, email: true } },
  account: {
    select: {
      id: true,
      login: true,
      customer: { select: { id: true, email: true, firstName: true, lastName: true } },
    },
  },
} satisfies Prisma.BalanceAdjustmentSelect;

export type AdjustmentRow = Prisma.BalanceAdjustmentGetPayload<{ select: typeof adjustmentSelect }>;

const typeOf = (t: AdjustmentRow["type"]) => (t === "DEPOSIT" ? ("deposit" as const) : ("withdrawal" as const));
const staffView = (s: { id: number; name: string; email: string } | null) =>
  s ? { staffId: s.id, name: s.name, email: s.email } : null;

/** What every adjustment procedure answers: the request as it stands, never a secret. */
export function adjustmentView(row: AdjustmentRow) {
  const customer = row.account.customer;
  return {
    requestId: row.id,
    status: row.status,
    approvalRequired: row.approvalRequired,
    accountId: row.account.id,
    login: row.account.login,
    customer: { customerId: customer.id, name: `${customer.firstName} ${customer.lastName}`, email: customer.email },
    type: typeOf(row.type),
    amount: moneyString(row.amount),
    currency: row.currency,
    comment: row.comment,
    maker: staffView(row.maker)!,
    checker: staffView(row.checker),
    rejectionReason: row.rejectionReason,
    requestedAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    operationId: row.operationId,
    balance: row.balanceAfter === null ? null : moneyString(row.balanceAfter),
  };
}

export type AdjustmentView = ReturnType<typeof adjustmentView>;

/** 403 SELF_APPROVAL when the customer's e-mail is the staff member's own (any letter case). */
export function assertNotOwnAccount(staffEmail: string, customerEmail: string): void {
  if (staffEmail.trim().toLowerCase() === customerEmail.trim().toLowerCase()) {
    throw new DomainError("SELF_APPROVAL", { message: "Staff may not adjust the balance of their own customer account" });
  }
}

export async function staffEmailOf(db: Pick<Database, "staff">, staffId: number): Promise<string> {
  return (await db.staff.findUniqueOrThrow({ where: { id: staffId }, select: { email: true } })).email;
}

/** A refusal means nothing happened in the core; a CoreUnavailableError means we do not know. */
const isDefiniteRefusal = (error: unknown) => isCoreError(error) && error.kind !== "unavailable";

/**
 * Sends an APPLYING request to the core under its own key and records the outcome:
 * APPLIED with the operation and the balance; on a definite refusal (insufficient
 * funds, archived account) the request goes back to where it came from (PENDING, or
 * gone for one that needed no approval: a refused request is not remembered, as the
 * core does not remember it) and the refusal is thrown; when the core does not answer
 * it stays APPLYING and CORE_NOT_AVAILABLE is thrown: the same call again finishes it.
 */
export async function applyAdjustment(
  deps: Omit<AdjustmentDeps, "thresholds">,
  row: AdjustmentRow,
  request: RequestMeta,
): Promise<AdjustmentView> {
  const { db } = deps;
  const amount = moneyString(row.amount);
  let result;
  try {
    result = await deps.core.balanceOperation({
      idempotencyKey: adjustmentCoreKey(row.id),
      login: row.account.login,
      type: typeOf(row.type),
      amount,
      comment: row.comment,
    });
  } catch (error) {
    if (!isDefiniteRefusal(error)) throw coreUnavailable(error);
    const domain = movementError(error);
    await db.$transaction(async (tx) => {
      if (row.approvalRequired) {
        await tx.balanceAdjustment.updateMany({
          where: { id: row.id, status: "APPLYING" },
          data: { status: "PENDING", checkerId: null, decidedAt: null },
        });
      } else {
        await tx.balanceAdjustment.deleteMany({ where: { id: row.id, status: "APPLYING" } });
      }
      await recordAuditEvent(tx, {
        kind: "adjustment.refused_by_core",
        customerId: row.account.customer.id,
        staffId: row.checkerId ?? row.makerId,
        request,
        data: { requestId: row.id, accountId: row.account.id, code: domain.code, amount, currency: row.currency, type: typeOf(row.type) },
        at: deps.clock.now(),
      });
    });
    throw domain;
  }
  const now = deps.clock.now();
  const updated = await db.$transaction(async (tx) => {
    await tx.balanceAdjustment.updateMany({
      where: { id: row.id, status: "APPLYING" },
      data: { status: "APPLIED", appliedAt: now, operationId: result.operationId, balanceAfter: result.balance },
    });
    const fresh = await tx.balanceAdjustment.findUniqueOrThrow({ where: { id: row.id }, select: adjustmentSelect });
    await recordMovement(tx, {
      customerId: row.account.customer.id,
      accountId: row.account.id,
      kind: "ADJUSTMENT",
      status: "COMPLETED",
      amount: typeOf(row.type) === "deposit" ? amount : `-${amount}`,
      currency: row.currency,
      reference: `adjustment:${row.id}`,
      description: row.comment,
      at: now,
    });
    await recordAuditEvent(tx, {
      kind: "account.balance_adjusted",
      customerId: row.account.customer.id,
      staffId: row.checkerId ?? row.makerId,
      request,
      data: {
        requestId: row.id,
        accountId: row.account.id,
        login: row.account.login,
        type: typeOf(row.type),
        amount,
        currency: row.currency,
        comment: row.comment,
        makerId: row.makerId,
        checkerId: row.checkerId,
        operationId: result.operationId,
      },
      at: now,
    });
    return fresh;
  });
  return adjustmentView(updated);
}

/** A repeat of a request with the same key: the same request answers its state (and finishes it if it was cut off). */
async function replay(
  deps: AdjustmentDeps,
  existing: AdjustmentRow,
  input: BalanceAdjustmentInput,
  request: RequestMeta,
): Promise<AdjustmentView> {
  const same =
    existing.account.id === input.accountId &&
    typeOf(existing.type) === input.type &&
    new Prisma.Decimal(existing.amount).equals(input.amount) &&
    existing.comment === input.comment;
  if (!same) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
  if (existing.status === "APPLYING" && !existing.approvalRequired) return applyAdjustment(deps, existing, request);
  return adjustmentView(existing);
}

/**
 * `staff.adjustBalance`: the maker (money:adjust:request) asks to credit or debit a
 * customer's account. Order of checks: the account exists (404), it is not the maker's
 * own customer account (403 SELF_APPROVAL), the key was not used for another request
 * (409 IDEMPOTENCY_KEY_REUSED; the same request answers its state), the account is open
 * (409 ACCOUNT_ARCHIVED), and a withdrawal needing approval is covered by the balance now
 * (409 INSUFFICIENT_FUNDS: checked again by the core when it is applied).
 */
export async function adjustBalance(deps: AdjustmentDeps, input: BalanceAdjustmentInput, request: RequestMeta): Promise<AdjustmentView> {
  const { db } = deps;
  const account = await db.account.findUnique({
    where: { id: input.accountId },
    select: { id: true, customerId: true, login: true, currency: true, archivedAt: true, customer: { select: { email: true } } },
  });
  if (!account) throw accountNotFound();
  assertNotOwnAccount(await staffEmailOf(db, input.staffId), account.customer.email);

  const findExisting = () =>
    db.balanceAdjustment.findUnique({
      where: { makerId_idempotencyKey: { makerId: input.staffId, idempotencyKey: input.idempotencyKey } },
      select: adjustmentSelect,
    });
  const existing = await findExisting();
  if (existing) return replay(deps, existing, input, request);

  assertNotArchived(account);
  await assertNoArchivalUnderWay(db, [account.id]);
  const amount = moneyString(input.amount);
  const approvalRequired = needsApproval(deps.thresholds, account.currency, amount);
  if (approvalRequired && input.type === "withdrawal") {
    let balance: string;
    try {
      balance = (await deps.core.getAccount(account.login)).balance;
    } catch (error) {
      throw coreUnavailable(error);
    }
    if (new Prisma.Decimal(balance).lessThan(amount)) {
      throw new DomainError("INSUFFICIENT_FUNDS", { details: { balance: moneyString(balance), requested: amount } });
    }
  }

  const now = deps.clock.now();
  let row: AdjustmentRow;
  try {
    row = await db.$transaction(async (tx) => {
      const created = await tx.balanceAdjustment.create({
        data: {
          accountId: account.id,
          type: input.type === "deposit" ? "DEPOSIT" : "WITHDRAWAL",
          amount,
          currency: account.currency,
          comment: input.comment,
          makerId: input.staffId,
          idempotencyKey: input.idempotencyKey,
          approvalRequired,
          status: approvalRequired ? "PENDING" : "APPLYING",
          createdAt: now,
        },
        select: adjustmentSelect,
      });
      await recordAuditEvent(tx, {
        kind: "adjustment.requested",
        customerId: account.customerId,
        staffId: input.staffId,
        request,
        data: { requestId: created.id, accountId: account.id, login: account.login, type: input.type, amount, currency: account.currency, comment: input.comment, approvalRequired },
        at: now,
      });
      return created;
    });
  } catch (error) {
    // The same key sent twice at once: the other call made the row; answer as a repeat.
    if (!isUniqueViolation(error)) throw error;
    const raced = await findExisting();
    if (!raced) throw error;
    return replay(deps, raced, input, request);
  }
  if (approvalRequired) return adjustmentView(row);
  return applyAdjustment(deps, row, request);
}

/**
 * Finishes adjustments the core left unanswered (APPLYING): the same key again either
 * finds the first result or applies it now, so none is left half-known, whether or not
 * the staff member repeats the call. Part of the recovery round.
 */
export async function resumeAdjustments(deps: Omit<AdjustmentDeps, "thresholds">, options: { before: Date }): Promise<{ applied: number; failures: number }> {
  const rows = await deps.db.balanceAdjustment.findMany({
    where: { status: "APPLYING", updatedAt: { lte: options.before } },
    orderBy: { updatedAt: "asc" },
    take: 50,
    select: adjustmentSelect,
  });
  const counts = { applied: 0, failures: 0 };
  for (const row of rows) {
    try {
      await applyAdjustment(deps, row, { requestId: "recovery", ip: null, userAgent: null });
      counts.applied++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      counts.failures++;
    }
  }
  return counts;
}
