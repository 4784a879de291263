import type { Database, WithdrawalStatus } from "@brokerage/db";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { coreUnavailable } from "../accounts/core-errors";
import { moneyString } from "../accounts/money";
import { DomainError } from "../errors";
import { readWithdrawal, releaseHold, requestPayout, startRelease, type WithdrawalDeps } from "../withdrawals/lifecycle";
import { withdrawalSelect, withdrawalView } from "../withdrawals/withdrawal-view";

const notFound = () => new DomainError("NOT_FOUND", { message: "Withdrawal not found" });

/** The FINANCE queue: withdrawals in one status (default: waiting for approval), oldest first. */
export async function listWithdrawalsForStaff(db: Database, input: { status: WithdrawalStatus; page: number; pageSize: number }) {
  const where = { status: input.status };
  const [total, rows] = await Promise.all([
    db.withdrawal.count({ where }),
    db.withdrawal.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { ...withdrawalSelect, customer: { select: { id: true, email: true, firstName: true, lastName: true } } },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((row) => ({
      ...withdrawalView(row),
      customer: { id: row.customer.id, email: row.customer.email, name: `${row.customer.firstName} ${row.customer.lastName}` },
    })),
  };
}

/**
 * FINANCE approves: the payout is asked of the provider at once (-> PAYING). A provider
 * that does not answer leaves it APPROVED; the reconciliation pass asks again (same key).
 */
export async function approveWithdrawal(deps: WithdrawalDeps, input: { staffId: number; withdrawalId: string }, request: RequestMeta) {
  const now = deps.clock.now();
  const approved = await deps.db.$transaction(async (tx) => {
    const moved = await tx.withdrawal.updateMany({
      where: { id: input.withdrawalId, status: "PENDING" },
      data: { status: "APPROVED", deciderId: input.staffId, decidedAt: now },
    });
    if (moved.count !== 1) return null;
    const row = await tx.withdrawal.findUniqueOrThrow({ where: { id: input.withdrawalId }, select: withdrawalSelect });
    await recordAuditEvent(tx, {
      kind: "withdrawal.approved",
      customerId: row.customerId,
      staffId: input.staffId,
      request,
      data: { withdrawalId: row.id, amount: moneyString(row.amount), currency: row.currency },
      at: now,
    });
    return row;
  });
  if (!approved) throw await decidedOrMissing(deps.db, input.withdrawalId);
  await requestPayout(deps, approved);
  return withdrawalView(await readWithdrawal(deps.db, approved.id));
}

/** FINANCE rejects with a reason: the hold goes back to the account. */
export async function rejectWithdrawal(deps: WithdrawalDeps, input: { staffId: number; withdrawalId: string; reason: string }, request: RequestMeta) {
  if (!(await startRelease(deps, input.withdrawalId, ["PENDING"], "REJECTED", { deciderId: input.staffId, rejectionReason: input.reason }))) {
    throw await decidedOrMissing(deps.db, input.withdrawalId);
  }
  const row = await readWithdrawal(deps.db, input.withdrawalId);
  await recordAuditEvent(deps.db, {
    kind: "withdrawal.rejected",
    customerId: row.customerId,
    staffId: input.staffId,
    request,
    data: { withdrawalId: row.id, amount: moneyString(row.amount), currency: row.currency, reason: input.reason },
    at: deps.clock.now(),
  });
  if (!(await releaseHold(deps, row))) throw coreUnavailable(null);
  return withdrawalView(await readWithdrawal(deps.db, row.id));
}

async function decidedOrMissing(db: Database, id: string): Promise<DomainError> {
  const exists = await db.withdrawal.findUnique({ where: { id }, select: { status: true } });
  if (!exists || exists.status === "HOLDING" || exists.status === "ABANDONED" || exists.status === "DISCARDED") return notFound();
  return new DomainError("REQUEST_ALREADY_DECIDED", { message: "This withdrawal is no longer waiting for a decision" });
}
