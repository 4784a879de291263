import { ArchivalAbandoned, completeArchival, type ArchivalDeps } from "./archive-account";

const SYSTEM_REQUEST = { requestId: "archival-recovery", ip: null, userAgent: "archival-recovery" };

/**
 * The recovery step of archiving, run periodically by the server (like
 * `recoverOpenings`): archivals left STARTED or FUNDS_MOVED by a core that did not
 * answer or a process that died are driven to their end with the same core keys, so the
 * funds move once and the account ends archived in the core and in the portal.
 * `olderThanMs` leaves in-flight requests alone. An archival the core refuses (the
 * balance changed meanwhile) is abandoned: the customer archives again.
 */
export async function resumeArchivals(deps: ArchivalDeps, options: { olderThanMs?: number; limit?: number } = {}) {
  const cutoff = new Date(deps.clock.now().getTime() - (options.olderThanMs ?? 30_000));
  const result = { completed: 0, abandoned: 0, failures: 0 };
  const unfinished = await deps.db.accountArchival.findMany({
    where: { status: { in: ["STARTED", "FUNDS_MOVED"] }, createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true },
  });
  for (const { id } of unfinished) {
    try {
      await completeArchival(deps, id, SYSTEM_REQUEST);
      result.completed++;
    } catch (error) {
      if (error instanceof ArchivalAbandoned) result.abandoned++;
      else result.failures++;
    }
  }
  return result;
}
