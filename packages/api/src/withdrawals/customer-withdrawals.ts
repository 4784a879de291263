import { Prisma, type Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { coreUnavailable } from "../accounts/core-errors";
import { moneyString } from "../accounts/money";
import { findOwnAccount } from "../accounts/own-account";
import { DomainError } from "../errors";
import { limitsFor, startOfUtcDay } from "../money/limits";
import { readWithdrawal, releaseHold, startRelease, type WithdrawalDeps } from "./lifecycle";
import { COUNTING_STATUSES, withdrawalSelect, withdrawalView } from "./withdrawal-view";

const notFound = () => new DomainError("NOT_FOUND", { message: "Withdrawal not found" });

export async function listWithdrawals(db: Database, customerId: number, input: { accountId?: number | undefined; limit: number }) {
  if (input.accountId) await findOwnAccount(db, customerId, input.accountId);
  const rows = await db.withdrawal.findMany({
    where: { customerId, ...(input.accountId ? { accountId: input.accountId } : {}), status: { notIn: ["HOLDING", "ABANDONED", "DISCARDED"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
    select: withdrawalSelect,
  });
  return rows.map(withdrawalView);
}

export async function getWithdrawal(db: Database, customerId: number, withdrawalId: string) {
  const row = await db.withdrawal.findFirst({ where: { id: withdrawalId, customerId }, select: withdrawalSelect });
  if (!row) throw notFound();
  return withdrawalView(row);
}

/** The customer cancels a withdrawal still waiting for approval: the hold goes back at once. */
export async function cancelWithdrawal(deps: WithdrawalDeps, customerId: number, withdrawalId: string, request: RequestMeta) {
  const row = await deps.db.withdrawal.findFirst({ where: { id: withdrawalId, customerId }, select: { id: true, status: true } });
  if (!row) throw notFound();
  if (!(await startRelease(deps, row.id, ["PENDING"], "CANCELED"))) {
    throw new DomainError("REQUEST_ALREADY_DECIDED", { message: "Only a withdrawal waiting for approval can be canceled" });
  }
  const releasing = await readWithdrawal(deps.db, row.id);
  await recordAuditEvent(deps.db, {
    kind: "withdrawal.canceled",
    customerId,
    request,
    data: { withdrawalId: row.id, amount: moneyString(releasing.amount), currency: releasing.currency },
    at: deps.clock.now(),
  });
  // Canceled for good; when the core does not answer, the money comes back with the recovery pass.
  if (!(await releaseHold(deps, releasing))) throw coreUnavailable(null);
  return withdrawalView(await readWithdrawal(deps.db, row.id));
}

/** Today's (UTC) withdrawal limits of every currency the customer holds money in. */
export async function withdrawalLimits(deps: { db: Database; clock: Clock }, customerId: number) {
  const accounts = await deps.db.account.findMany({
    where: { customerId, accountMode: "REAL", archivedAt: null },
    distinct: ["currency"],
    select: { currency: true },
    orderBy: { currency: "asc" },
  });
  const used = await deps.db.withdrawal.groupBy({
    by: ["currency"],
    where: { customerId, createdAt: { gte: startOfUtcDay(deps.clock.now()) }, status: { in: [...COUNTING_STATUSES] } },
    _sum: { amount: true },
  });
  const usedBy = new Map(used.map((u) => [u.currency, u._sum.amount ?? new Prisma.Decimal(0)]));
  return accounts.map(({ currency }) => {
    const daily = limitsFor(currency).withdrawalDaily;
    const usedToday = usedBy.get(currency) ?? new Prisma.Decimal(0);
    return {
      currency,
      dailyLimit: daily.toFixed(2),
      usedToday: usedToday.toFixed(2),
      remainingToday: Prisma.Decimal.max(0, daily.minus(usedToday)).toFixed(2),
      resetsAt: new Date(startOfUtcDay(deps.clock.now()).getTime() + 86_400_000),
    };
  });
}
