import type { Database } from "@brokerage/db";

/** The advisory lock ids of the periodic jobs: one number each, never reused. */
export const JOB_LOCKS = {
  coreRecovery: 7_401_001,
  auditRetention: 7_401_002,
  recordsRetention: 7_401_003,
} as const;

/**
 * Runs `job` on at most one instance at a time: a transaction-level advisory lock is taken
 * without waiting, held while the job runs, and released by PostgreSQL whatever happens
 * (also when the instance dies). Another instance that finds it taken skips this round.
 * Answers the job's result, or `skipped` when another instance had the lock.
 */
export async function runExclusively<T>(
  db: Database,
  lock: number,
  job: () => Promise<T>,
  options: { maxMs?: number } = {},
): Promise<{ ran: true; result: T } | { ran: false }> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${lock}::bigint) AS locked`;
      if (!row?.locked) return { ran: false as const };
      return { ran: true as const, result: await job() };
    },
    { maxWait: 5_000, timeout: options.maxMs ?? 10 * 60_000 },
  );
}
