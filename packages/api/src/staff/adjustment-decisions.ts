// The checker's side of four eyes: list, approve, reject. Status changes are conditional
// UPDATEs on the status, so of two colleagues deciding at once exactly one wins.
import type { Prisma } from "@brokerage/db";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import {
  adjustmentSelect,
  adjustmentView,
  applyAdjustment,
  assertNotOwnAccount,
  staffEmailOf,
  type AdjustmentDeps,
  type AdjustmentRow,
} from "./balance-adjustment";

type Deps = Omit<AdjustmentDeps, "thresholds">;

const notFound = () => new DomainError("NOT_FOUND", { message: "Adjustment request not found" });
const alreadyDecided = () => new DomainError("REQUEST_ALREADY_DECIDED");

async function findRequest(db: Deps["db"], requestId: string): Promise<AdjustmentRow> {
  const row = await db.balanceAdjustment.findUnique({
    where: { id: requestId },
    select: adjustmentSelect,
  });
  if (!row) throw notFound();
  return row;
}

/** Requests by status (every status when none is given), newest first, with maker, checker and times. */
export async function listAdjustmentRequests(
  db: Deps["db"],
  input: { status?: AdjustmentRow["status"] | undefined; limit: number; offset: number },
) {
  const where = (
    input.status ? { status: input.status } : {}
  ) satisfies Prisma.BalanceAdjustmentWhereInput;
  const [rows, total] = await Promise.all([
    db.balanceAdjustment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: input.offset,
      take: input.limit,
      select: adjustmentSelect,
    }),
    db.balanceAdjustment.count({ where }),
  ]);
  return { total, items: rows.map(adjustmentView) };
}

/**
 * `staff.approveAdjustment`. Order: the request exists (404), the account is not the
 * checker's own customer account and the checker is not the maker (403 SELF_APPROVAL),
 * the request is still PENDING (409 REQUEST_ALREADY_DECIDED). The winner sends it to the
 * core under the request's own key. If the core did not answer, the request stays
 * APPLYING and the same checker approving again finishes it (the key makes it once).
 */
export async function approveAdjustment(
  deps: Deps,
  input: { staffId: number; requestId: string },
  request: RequestMeta,
) {
  const row = await findRequest(deps.db, input.requestId);
  assertNotOwnAccount(await staffEmailOf(deps.db, input.staffId), row.account.customer.email);
  if (row.makerId === input.staffId) {
    throw new DomainError("SELF_APPROVAL", { message: "The maker of a request cannot approve it" });
  }
  const now = deps.clock.now();
  const claimed = await deps.db.$transaction(async (tx) => {
    const won = await tx.balanceAdjustment.updateMany({
      where: { id: row.id, status: "PENDING" },
      data: { status: "APPLYING", checkerId: input.staffId, decidedAt: now },
    });
    if (won.count !== 1) return null;
    await recordAuditEvent(tx, {
      kind: "adjustment.approved",
      customerId: row.account.customer.id,
      staffId: input.staffId,
      request,
      data: {
        requestId: row.id,
        accountId: row.account.id,
        makerId: row.makerId,
        amount: row.amount.toFixed(2),
        currency: row.currency,
      },
      at: now,
    });
    return tx.balanceAdjustment.findUniqueOrThrow({
      where: { id: row.id },
      select: adjustmentSelect,
    });
  });
  if (claimed) return applyAdjustment(deps, claimed, request);
  // Lost the race, or a retry: only this checker's own approval, cut off before the
  // core answered, is finished here; anything else was decided by someone else.
  const current = await findRequest(deps.db, input.requestId);
  if (
    current.status === "APPLYING" &&
    current.approvalRequired &&
    current.checkerId === input.staffId
  ) {
    return applyAdjustment(deps, current, request);
  }
  throw alreadyDecided();
}

/**
 * `staff.rejectAdjustment` with a reason: nothing moves. Order as for approval, except
 * that the maker may withdraw their own request (rejecting moves no money).
 */
export async function rejectAdjustment(
  deps: Deps,
  input: { staffId: number; requestId: string; reason: string },
  request: RequestMeta,
) {
  const row = await findRequest(deps.db, input.requestId);
  assertNotOwnAccount(await staffEmailOf(deps.db, input.staffId), row.account.customer.email);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const won = await tx.balanceAdjustment.updateMany({
      where: { id: row.id, status: "PENDING" },
      data: {
        status: "REJECTED",
        checkerId: input.staffId,
        decidedAt: now,
        rejectionReason: input.reason,
      },
    });
    if (won.count !== 1) throw alreadyDecided();
    await recordAuditEvent(tx, {
      kind: "adjustment.rejected",
      customerId: row.account.customer.id,
      staffId: input.staffId,
      request,
      data: {
        requestId: row.id,
        accountId: row.account.id,
        makerId: row.makerId,
        reason: input.reason,
      },
      at: now,
    });
    return adjustmentView(
      await tx.balanceAdjustment.findUniqueOrThrow({
        where: { id: row.id },
        select: adjustmentSelect,
      }),
    );
  });
}
