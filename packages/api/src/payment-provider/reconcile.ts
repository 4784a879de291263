// The reconciliation pass: what webhooks did not finish (lost, late, the core or the
// provider down when they came), and money movements the core left unanswered (staff
// adjustments, withdrawal holds and releases). Every step is idempotent; one instance runs it at a time.
import { isPaymentProviderError } from "@brokerage/payments";
import { resumeTransfers } from "../accounts/transfer";
import { settleDeposit } from "../deposits/settle-deposit";
import { resumeAdjustments } from "../staff/balance-adjustment";
import { setMovementStatus } from "../money/movements";
import {
  discardAbandoned,
  readWithdrawal,
  releaseHold,
  requestPayout,
  settlePayout,
  type WithdrawalDeps,
} from "../withdrawals/lifecycle";
import { withdrawalSelect } from "../withdrawals/withdrawal-view";

const BATCH = 50;

export interface ReconcileOptions {
  /** Deposits and payouts younger than this are left to their webhooks. Default 60 s. */
  graceMs?: number;
  /** Instead of `graceMs`: take rows last changed before this instant (tests whose clock is not the database's). */
  before?: Date;
  /** A deposit whose payment was never made (the provider did not answer) expires after this. Default 1 h. */
  creatingTtlMs?: number;
  /** A withdrawal stuck HOLDING this long (its process died mid-request) is abandoned. Default 5 min. */
  holdingTtlMs?: number;
}

export async function reconcilePayments(deps: WithdrawalDeps, options: ReconcileOptions = {}) {
  const now = deps.clock.now().getTime();
  const before = (ms: number) => new Date(now - ms);
  const grace = options.before ?? before(options.graceMs ?? 60_000);
  const counts = { deposits: 0, payouts: 0, releases: 0, discarded: 0, adjustments: 0, transfers: 0, failures: 0 };
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!isPaymentProviderError(error)) throw error;
      counts.failures++;
    }
  };

  // Staff adjustments the core did not answer for.
  const adjustments = await resumeAdjustments(deps, { before: grace });
  counts.adjustments = adjustments.applied;
  counts.failures += adjustments.failures;

  // Customer transfers the core did not answer for.
  const transfers = await resumeTransfers(deps, { before: grace });
  counts.transfers = transfers.completed;
  counts.failures += transfers.failures;

  // Deposits not yet settled: ask the provider. Every due row in one pass (keyset pages by
  // id), so many payment pages left open cannot starve a paid one behind them.
  for (let after = ""; ; ) {
    const deposits = await deps.db.deposit.findMany({
      where: { status: { in: ["AWAITING_PAYMENT", "PAID", "CREATING"] }, updatedAt: { lte: grace }, id: { gt: after || undefined } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, status: true, providerPaymentId: true, createdAt: true },
    });
    for (const deposit of deposits) {
      if (!deposit.providerPaymentId) {
        if (deposit.createdAt.getTime() < now - (options.creatingTtlMs ?? 3_600_000)) {
          await deps.db.$transaction(async (tx) => {
            const moved = await tx.deposit.updateMany({ where: { id: deposit.id, status: "CREATING" }, data: { status: "EXPIRED" } });
            if (moved.count === 1) await setMovementStatus(tx, `deposit:${deposit.id}`, "EXPIRED");
          });
        }
        continue;
      }
      if (!deps.payments) break;
      await attempt(async () => {
        await settleDeposit(deps, await deps.payments!.getPayment(deposit.providerPaymentId!));
        counts.deposits++;
      });
    }
    if (deposits.length < BATCH) break;
    after = deposits[deposits.length - 1]!.id;
  }

  // Withdrawals between steps.
  await deps.db.withdrawal.updateMany({ where: { status: "HOLDING", updatedAt: { lte: before(options.holdingTtlMs ?? 300_000) } }, data: { status: "ABANDONED" } });
  for (let after = ""; ; ) {
    const withdrawals = await deps.db.withdrawal.findMany({
      where: { status: { in: ["APPROVED", "PAYING", "RELEASING", "ABANDONED"] }, updatedAt: { lte: grace }, id: { gt: after || undefined } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: withdrawalSelect,
    });
    for (const row of withdrawals) {
      switch (row.status) {
        case "APPROVED":
          await attempt(() => requestPayout(deps, row));
          break;
        case "PAYING":
          if (row.providerPayoutId && deps.payments) {
            await attempt(async () => {
              await settlePayout(deps, await deps.payments!.getPayout(row.providerPayoutId!));
              counts.payouts++;
            });
          }
          break;
        case "RELEASING":
          if (await releaseHold(deps, await readWithdrawal(deps.db, row.id))) counts.releases++;
          break;
        case "ABANDONED":
          if (await discardAbandoned(deps, row)) counts.discarded++;
          break;
      }
    }
    if (withdrawals.length < BATCH) break;
    after = withdrawals[withdrawals.length - 1]!.id;
  }
  return counts;
}
