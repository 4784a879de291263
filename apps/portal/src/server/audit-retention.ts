// The retention purges (issue 17): once an hour, each on one instance at a time (an advisory
// lock), audit events older than AUDIT_RETENTION_YEARS (default 5) are deleted through
// `purge_audit_events`, the only deleter the audit table's trigger lets through; then the
// KYC, transaction and client records of customers closed longer ago than their retention
// (KYC_RETENTION_YEARS, TRANSACTION_RETENTION_YEARS, CLIENT_RECORDS_RETENTION_YEARS).
import { JOB_LOCKS, purgeExpiredAuditEvents, purgeExpiredCustomerRecords, runExclusively } from "@brokerage/api";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getLogger } from "./logger";
import { onShutdown } from "./shutdown";

const STARTED = Symbol.for("brokerage.portal.audit-retention");
const registry = globalThis as typeof globalThis & { [STARTED]?: true };
const INTERVAL_MS = 60 * 60_000;

export function startAuditRetention(): void {
  if (registry[STARTED] || !env.DATABASE_URL) return;
  registry[STARTED] = true;
  const logger = getLogger().child({ component: "audit-retention" });
  const db = getDb();
  const round = () =>
    runExclusively(db, JOB_LOCKS.auditRetention, () => purgeExpiredAuditEvents(db, { now: new Date() }))
      .then((r) => {
        if (r.ran && r.result > 0) logger.info({ deleted: r.result }, "audit retention purge");
      })
      .catch((error: unknown) => logger.error({ err: error }, "audit retention purge failed"));
  const records = () =>
    runExclusively(db, JOB_LOCKS.recordsRetention, () => purgeExpiredCustomerRecords(db, { now: new Date() }))
      .then((r) => {
        if (r.ran && r.result.kyc + r.result.transactions + r.result.clientRecords > 0) logger.info(r.result, "records retention purge");
      })
      .catch((error: unknown) => logger.error({ err: error }, "records retention purge failed"));
  const timer = setInterval(() => void round().then(records), INTERVAL_MS);
  timer.unref();
  onShutdown("retention purges", () => clearInterval(timer));
}
