// Finishes what the trading core (or the payment provider) interrupted: account openings
// that failed (whatever the core made for them is archived there), default deposits that
// failed, archivals stopped between their steps, deposits and withdrawals between theirs,
// conversions between their legs (and quotes past their validity marked EXPIRED). One instance runs
// a round at a time (an advisory lock; the others skip it), so N instances do not replay
// the same openings N times; each step is idempotent in the core all the same.
import {
  instrumentCore,
  JOB_LOCKS,
  metricsHooks,
  reconcilePayments,
  recoverConversions,
  recoverOpenings,
  resumeArchivals,
  runExclusively,
  systemClock,
} from "@brokerage/api";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getPaymentProvider, getSimulator } from "./deps";
import { getLogger } from "./logger";
import { onShutdown } from "./shutdown";

const STARTED = Symbol.for("brokerage.portal.core-recovery");
const registry = globalThis as typeof globalThis & { [STARTED]?: true };

export function startCoreRecovery(): void {
  if (registry[STARTED] || !env.DATABASE_URL) return;
  registry[STARTED] = true;
  const logger = getLogger().child({ component: "core-recovery" });
  const deps = { db: getDb(), core: instrumentCore(getSimulator().core), clock: systemClock, payments: getPaymentProvider() };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void runExclusively(deps.db, JOB_LOCKS.coreRecovery, () =>
      Promise.all([recoverOpenings(deps), resumeArchivals(deps), reconcilePayments(deps), recoverConversions(deps)]),
    )
      .then((round) => {
        if (!round.ran) return;
        const [openings, archivals, payments, conversions] = round.result;
        const hooks = metricsHooks();
        if (hooks) {
          for (const [outcome, count] of Object.entries(openings)) hooks.recovery("openings", outcome, count);
          for (const [outcome, count] of Object.entries(archivals)) hooks.recovery("archivals", outcome, count);
          for (const [outcome, count] of Object.entries(payments)) hooks.recovery("payments", outcome, count);
          for (const [outcome, count] of Object.entries(conversions)) hooks.recovery("conversions", outcome, count);
        }
        const moved =
          openings.discarded + openings.depositsApplied + archivals.completed + payments.deposits + payments.payouts + payments.releases + payments.discarded +
          conversions.completed + conversions.failed;
        if (moved > 0 || openings.failures + archivals.failures + payments.failures + conversions.pending > 0) {
          logger.info({ openings, archivals, payments, conversions }, "core recovery pass");
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, "core recovery pass failed"))
      .finally(() => {
        running = false;
      });
  }, env.RECOVERY_INTERVAL_MS);
  timer.unref();
  onShutdown("core recovery", () => clearInterval(timer));
}
