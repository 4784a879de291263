import { applyOpeningDeposit, discardAbandonedOpening, type OpeningDeps } from "./open-account";


const PASSWORD_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * The recovery step of account opening, run periodically by the server. An opening whose
 * core call got no answer was a final failure for the customer (CORE_NOT_AVAILABLE), and
 * so is one whose request died mid-way (still PENDING after `olderThanMs`): whatever the
 * core may have made for them is archived there and never shown (ABANDONED -> DISCARDED).
 * Deposits that failed after the account was made are retried (the core applies each at
 * most once). `olderThanMs` leaves in-flight requests alone.
 */
export async function recoverOpenings(deps: OpeningDeps, options: { olderThanMs?: number; limit?: number } = {}) {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? 30_000));
  const take = options.limit ?? 50;
  const result = { discarded: 0, depositsApplied: 0, failures: 0 };

  await deps.db.accountOpening.updateMany({
    where: { status: "PENDING", createdAt: { lt: cutoff } },
    data: { status: "ABANDONED", idempotencyKey: null, lastError: "interrupted" },
  });
  const abandoned = await deps.db.accountOpening.findMany({
    where: { status: "ABANDONED", createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true },
  });
  for (const { id } of abandoned) {
    try {
      if (await discardAbandonedOpening(deps, id)) result.discarded++;
    } catch {
      result.failures++;
    }
  }

  const deposits = await deps.db.accountOpening.findMany({
    where: { status: "COMPLETED", depositStatus: "PENDING", createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true },
  });
  for (const { id } of deposits) {
    try {
      await applyOpeningDeposit(deps, id);
      result.depositsApplied++;
    } catch {
      result.failures++;
    }
  }

  // A temporary password nobody came back for is not kept forever.
  await deps.db.accountOpening.updateMany({
    where: { status: "COMPLETED", temporaryPasswordEnc: { not: null }, createdAt: { lt: new Date(now.getTime() - PASSWORD_KEPT_MS) } },
    data: { temporaryPasswordEnc: null },
  });
  return result;
}
