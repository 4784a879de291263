import { applyOpeningDeposit, completeOpening, type OpeningDeps } from "./open-account";

const SYSTEM_REQUEST = { requestId: "opening-recovery", ip: null, userAgent: "opening-recovery" };
const PASSWORD_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * The recovery step of account opening, run periodically by the server: openings whose
 * core call got no answer are replayed with their idempotency key (completing the
 * account if the core made it, or making it now), and deposits that failed are retried
 * (the core applies each at most once). `olderThanMs` leaves in-flight requests alone.
 */
export async function recoverOpenings(deps: OpeningDeps, options: { olderThanMs?: number; limit?: number } = {}) {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? 30_000));
  const take = options.limit ?? 50;
  const result = { completed: 0, depositsApplied: 0, failures: 0 };

  const pending = await deps.db.accountOpening.findMany({
    where: { status: "PENDING", createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true },
  });
  for (const { id } of pending) {
    try {
      // Not shown to anyone here: a later repeat of the request with its key can still show it.
      await completeOpening(deps, id, SYSTEM_REQUEST, { deliverPassword: false });
      result.completed++;
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
