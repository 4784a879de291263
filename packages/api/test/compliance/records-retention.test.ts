// Issue 17: after a closure, KYC records, transaction records and MiFID client records are
// kept for their retention (5 years each by default) and then deleted by the records
// retention job. With the injected clock: kept the day before the period ends, gone the day
// after, other customers untouched, the pseudonymised customer row and its audit trail kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_LOCKS, runExclusively } from "../../src/jobs/run-exclusively";
import { purgeExpiredCustomerRecords } from "../../src/jobs/records-retention";
import { newCustomer, openFrom, seedGroups } from "../accounts/fixtures";
import { bytesOf } from "../kyc/fixtures";
import { key } from "../money/fixtures";
import { staffMember } from "../staff/fixtures";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());

const DAY = 24 * 3600_000;
const yearsAfter = (at: Date, years: number, days: number) => {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return new Date(d.getTime() + days * DAY);
};

/** A KYC-approved customer with an identity document on file, a wallet with money moved in and out, terms and a questionnaire. */
async function customerWithRecords() {
  const c = await newCustomer(h, { kycApproved: true });
  const wallet = await openFrom(c.api, "wallet-usd");
  const { api: staff } = await staffMember(h, "FINANCE");
  await staff.staff.adjustBalance({ accountId: wallet.id, type: "deposit", amount: "10.00", comment: "In", idempotencyKey: key("ret") });
  await staff.staff.adjustBalance({ accountId: wallet.id, type: "withdrawal", amount: "10.00", comment: "Out", idempotencyKey: key("ret") });
  const profile = await h.db.kycProfile.findUniqueOrThrow({ where: { customerId: c.customer.id } });
  const storageKey = crypto.randomUUID();
  await h.documents.put(storageKey, bytesOf.jpeg());
  await h.db.kycSubmission.create({
    data: {
      profileId: profile.id,
      level: 1,
      status: "APPROVED",
      data: { firstName: "Olga" },
      documents: { create: { fileName: "passport.jpg", contentType: "image/jpeg", size: 3, sha256: "x", storageKey } },
    },
  });
  await h.db.auditEvent.create({ data: { kind: "customer.closed", customerId: c.customer.id } });
  return { ...c, wallet, storageKey };
}

async function footprint(customerId: number, storageKey: string) {
  const fileKept = await h.documents.get(storageKey).then(
    () => true,
    () => false,
  );
  return {
    customer: await h.db.customer.count({ where: { id: customerId } }),
    audit: await h.db.auditEvent.count({ where: { customerId } }),
    kycProfile: await h.db.kycProfile.count({ where: { customerId } }),
    submissions: await h.db.kycSubmission.count({ where: { profile: { customerId } } }),
    file: fileKept,
    accounts: await h.db.account.count({ where: { customerId } }),
    movements: await h.db.moneyMovement.count({ where: { customerId } }),
    adjustments: await h.db.balanceAdjustment.count({ where: { account: { customerId } } }),
    openings: await h.db.accountOpening.count({ where: { customerId } }),
    terms: await h.db.termsAcceptance.count({ where: { customerId } }),
    assessments: await h.db.appropriatenessAssessment.count({ where: { customerId } }),
  };
}

describe("records retention after closure", () => {
  it("keeps everything the day before the 5 years end; deletes KYC, transaction and client records the day after; others untouched", async () => {
    const closedAt = new Date("2021-03-10T12:00:00Z");
    const gone = await customerWithRecords();
    const later = await customerWithRecords();
    const open = await customerWithRecords();
    await h.db.customer.update({ where: { id: gone.customer.id }, data: { closedAt } });
    await h.db.customer.update({ where: { id: later.customer.id }, data: { closedAt: new Date(closedAt.getTime() + 2 * DAY) } });

    const all = async () => ({
      gone: await footprint(gone.customer.id, gone.storageKey),
      later: await footprint(later.customer.id, later.storageKey),
      open: await footprint(open.customer.id, open.storageKey),
    });
    const before = await all();
    expect(before.gone).toMatchObject({ kycProfile: 1, submissions: 1, file: true, accounts: 1, movements: 2, adjustments: 2, terms: 1, assessments: 1 });

    const purge = (now: Date) => purgeExpiredCustomerRecords(h.db, { now, documents: h.documents });
    expect(await purge(yearsAfter(closedAt, 5, -1))).toEqual({ kyc: 0, transactions: 0, clientRecords: 0 });
    expect(await all()).toEqual(before);

    expect(await purge(yearsAfter(closedAt, 5, 1))).toEqual({ kyc: 1, transactions: 1, clientRecords: 1 });
    const after = await all();
    expect(after.gone).toEqual({
      customer: 1,
      audit: before.gone.audit,
      kycProfile: 0,
      submissions: 0,
      file: false,
      accounts: 0,
      movements: 0,
      adjustments: 0,
      openings: 0,
      terms: 0,
      assessments: 0,
    });
    expect(after.later).toEqual(before.later);
    expect(after.open).toEqual(before.open);

    // Nothing left to do: a second run deletes nothing.
    expect(await purge(yearsAfter(closedAt, 5, 1))).toEqual({ kyc: 0, transactions: 0, clientRecords: 0 });
  });

  it("each kind has its own period (KYC kept 7 years while transactions go after 5)", async () => {
    const closedAt = new Date("2019-06-01T00:00:00Z");
    const c = await customerWithRecords();
    await h.db.customer.update({ where: { id: c.customer.id }, data: { closedAt } });
    const years = { kyc: 7, transactions: 5, clientRecords: 5 };
    expect(await purgeExpiredCustomerRecords(h.db, { now: yearsAfter(closedAt, 5, 1), years, documents: h.documents })).toMatchObject({ kyc: 0, transactions: 1 });
    expect(await footprint(c.customer.id, c.storageKey)).toMatchObject({ kycProfile: 1, file: true, accounts: 0, movements: 0 });
    expect(await purgeExpiredCustomerRecords(h.db, { now: yearsAfter(closedAt, 7, -1), years, documents: h.documents })).toMatchObject({ kyc: 0 });
    expect(await purgeExpiredCustomerRecords(h.db, { now: yearsAfter(closedAt, 7, 1), years, documents: h.documents })).toMatchObject({ kyc: 1 });
    expect(await footprint(c.customer.id, c.storageKey)).toMatchObject({ customer: 1, kycProfile: 0, file: false });
  });

  it("runs on one instance at a time: a run that finds the lock taken skips", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = runExclusively(h.db, JOB_LOCKS.recordsRetention, async () => {
      started();
      await held;
      return "first";
    });
    await running;
    expect(await runExclusively(h.db, JOB_LOCKS.recordsRetention, () => purgeExpiredCustomerRecords(h.db, { now: h.clock.now(), documents: h.documents }))).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, result: "first" });
  });
});
