import type { Database } from "@brokerage/db";
import { env } from "../env";

/**
 * The retention purge of the audit log: deletes events older than AUDIT_RETENTION_YEARS
 * (default 5) through `purge_audit_events` (migration 20261202101000), the only deleter
 * the table's trigger lets through. Answers how many went.
 */
export async function purgeExpiredAuditEvents(
  db: Database,
  options: { now: Date; retentionYears?: number },
): Promise<number> {
  const years = options.retentionYears ?? env.AUDIT_RETENTION_YEARS;
  const cutoff = new Date(options.now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  const [row] = await db.$queryRaw<Array<{ deleted: bigint }>>`SELECT purge_audit_events(${cutoff}::timestamptz) AS deleted`;
  return Number(row?.deleted ?? 0);
}
