// The end of the retention of a closed customer's records (issue 17; README "Compliance").
// A closure keeps KYC records, transaction records and MiFID client records for their legal
// periods after the relationship ends; once a period is over, this job deletes them. The
// pseudonymised customer row stays (audit events point at it and have their own purge).
import type { Database, Prisma } from "@brokerage/db";
import { defaultDocumentStorage } from "../context";
import { env } from "../env";
import type { DocumentStorage } from "../kyc/document-storage";

export interface RetentionYears {
  kyc: number;
  transactions: number;
  clientRecords: number;
}

export interface RecordsPurgeResult {
  /** Customers whose records of each kind were deleted in this run. */
  kyc: number;
  transactions: number;
  clientRecords: number;
}

/** Customers per run and kind: a backlog drains over the hourly runs. */
const BATCH = 100;

/** The instant `years` before `now`: a closure strictly before it is past its retention. */
function cutoff(now: Date, years: number): Date {
  const at = new Date(now);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at;
}

async function closedBefore(db: Database, before: Date, has: Prisma.CustomerWhereInput): Promise<number[]> {
  const rows = await db.customer.findMany({
    where: { closedAt: { not: null, lt: before }, ...has },
    select: { id: true },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  return rows.map((r) => r.id);
}

/** Profile, requirements, submissions (identity data), reviews, document rows and the files. */
async function deleteKycRecords(db: Database, documents: DocumentStorage, customerId: number): Promise<void> {
  const files = await db.kycDocument.findMany({ where: { submission: { profile: { customerId } } }, select: { storageKey: true } });
  // The files first: a failure leaves the rows, and the next run tries again.
  for (const f of files) await documents.delete(f.storageKey);
  await db.kycProfile.deleteMany({ where: { customerId } });
}

/** Every money and account record of the customer, children before parents, in one transaction. */
async function deleteTransactionRecords(db: Database, customerId: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const accounts = { customerId };
    await tx.moneyMovement.deleteMany({ where: { customerId } });
    await tx.accountStatement.deleteMany({ where: { customerId } });
    await tx.conversionQuote.deleteMany({ where: { customerId } });
    await tx.withdrawal.deleteMany({ where: { customerId } });
    await tx.deposit.deleteMany({ where: { customerId } });
    await tx.payoutMethod.deleteMany({ where: { customerId } });
    await tx.balanceAdjustment.deleteMany({ where: { account: accounts } });
    await tx.accountArchival.deleteMany({ where: { OR: [{ account: accounts }, { fallbackAccount: accounts }] } });
    await tx.accountOpening.deleteMany({ where: { customerId } });
    await tx.tradingPasswordFlow.deleteMany({ where: { account: accounts } });
    await tx.passwordRestoreLink.deleteMany({ where: { account: accounts } });
    await tx.account.deleteMany({ where: accounts });
  });
}

async function deleteClientRecords(db: Database, customerId: number): Promise<void> {
  await db.$transaction([
    db.termsAcceptance.deleteMany({ where: { customerId } }),
    db.appropriatenessAssessment.deleteMany({ where: { customerId } }),
    db.clientCategoryChange.deleteMany({ where: { customerId } }),
  ]);
}

/**
 * Deletes the kept records of customers closed longer ago than their retention
 * (KYC_RETENTION_YEARS, TRANSACTION_RETENTION_YEARS, CLIENT_RECORDS_RETENTION_YEARS; 5 each
 * by default). Run it under `runExclusively(JOB_LOCKS.recordsRetention)`; each customer's
 * deletion is complete or not done, so a run cut short is finished by the next one.
 */
export async function purgeExpiredCustomerRecords(
  db: Database,
  options: { now: Date; years?: Partial<RetentionYears>; documents?: DocumentStorage },
): Promise<RecordsPurgeResult> {
  const years: RetentionYears = {
    kyc: options.years?.kyc ?? env.KYC_RETENTION_YEARS,
    transactions: options.years?.transactions ?? env.TRANSACTION_RETENTION_YEARS,
    clientRecords: options.years?.clientRecords ?? env.CLIENT_RECORDS_RETENTION_YEARS,
  };
  const documents = options.documents ?? defaultDocumentStorage(db);
  const result: RecordsPurgeResult = { kyc: 0, transactions: 0, clientRecords: 0 };

  for (const id of await closedBefore(db, cutoff(options.now, years.kyc), { kycProfile: { isNot: null } })) {
    await deleteKycRecords(db, documents, id);
    result.kyc++;
  }
  const withTransactions: Prisma.CustomerWhereInput = {
    OR: [{ accounts: { some: {} } }, { movements: { some: {} } }, { deposits: { some: {} } }, { withdrawals: { some: {} } }, { payoutMethods: { some: {} } }, { openings: { some: {} } }],
  };
  for (const id of await closedBefore(db, cutoff(options.now, years.transactions), withTransactions)) {
    await deleteTransactionRecords(db, id);
    result.transactions++;
  }
  const withClientRecords: Prisma.CustomerWhereInput = {
    OR: [{ termsAcceptances: { some: {} } }, { assessments: { some: {} } }, { categoryChanges: { some: {} } }],
  };
  for (const id of await closedBefore(db, cutoff(options.now, years.clientRecords), withClientRecords)) {
    await deleteClientRecords(db, id);
    result.clientRecords++;
  }
  return result;
}
