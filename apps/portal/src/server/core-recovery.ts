// Finishes what the trading core interrupted: account openings that failed (whatever the
// core made for them is archived there),
// default deposits that failed, archivals stopped between their steps. One instance runs
// a round at a time (an advisory lock; the others skip it), so N instances do not replay
// the same openings N times; each step is idempotent in the core all the same.
import { JOB_LOCKS, recoverOpenings, resumeArchivals, runExclusively, systemClock } from "@brokerage/api";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getSimulator } from "./deps";
import { getLogger } from "./logger";

const STARTED = Symbol.for("brokerage.portal.core-recovery");
const registry = globalThis as typeof globalThis & { [STARTED]?: true };
const INTERVAL_MS = 30_000;

export function startCoreRecovery(): void {
  if (registry[STARTED] || !env.DATABASE_URL) return;
  registry[STARTED] = true;
  const logger = getLogger().child({ component: "core-recovery" });
  const deps = { db: getDb(), core: getSimulator().core, clock: systemClock };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void runExclusively(deps.db, JOB_LOCKS.coreRecovery, () => Promise.all([recoverOpenings(deps), resumeArchivals(deps)]))
      .then((round) => {
        if (!round.ran) return;
        const [openings, archivals] = round.result;
        if (openings.discarded + openings.depositsApplied + archivals.completed > 0 || openings.failures + archivals.failures > 0) {
          logger.info({ openings, archivals }, "core recovery pass");
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, "core recovery pass failed"))
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  timer.unref();
  const stop = () => clearInterval(timer);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
