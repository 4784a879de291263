// Issue 17: the customer's data export and the closing of the relationship.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, failure, fund, newCustomer, newStaff, openFrom, seedGroups } from "../accounts/fixtures";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ poolSize: 10 });
  await seedGroups(h);
});
afterAll(() => h.close());

const MINUTE = 60_000;

describe("customerData.export", () => {
  it("holds the profile, KYC data, accounts, sessions, consents and audit events of the caller, and no secret or staff note", async () => {
    const me = await newCustomer(h, { kycApproved: true });
    const stranger = await newCustomer(h, { kycApproved: true });
    const profile = await h.db.kycProfile.findUniqueOrThrow({ where: { customerId: me.customer.id } });
    const { staff } = await newStaff(h);
    const submission = await h.db.kycSubmission.create({
      data: { profileId: profile.id, level: 1, status: "APPROVED", data: { firstName: "Tina", documentNumber: "X1234567" } },
    });
    await h.db.kycReview.create({ data: { submissionId: submission.id, staffId: staff.id, decision: "APPROVED", reason: "internal: photo slightly blurred, accepted" } });
    await h.db.customer.update({ where: { id: me.customer.id }, data: { otpSecretEnc: "SECRET-CIPHERTEXT", otpEnabled: true } });
    const opened = await openFrom(me.api, "real-usd");
    await openFrom(stranger.api, "demo-usd");

    const archive = await me.api.customerData.export();
    expect(archive.format).toBe("brokerage-customer-export/1");
    expect(archive.profile).toMatchObject({ customerId: me.customer.id, email: me.customer.email, twoFactorEnabled: true });
    expect(archive.kyc?.submissions).toEqual([
      expect.objectContaining({ data: { firstName: "Tina", documentNumber: "X1234567" }, decisions: [{ decision: "APPROVED", reason: null, decidedAt: expect.any(String) }] }),
    ]);
    expect(archive.accounts.map((a) => a.login)).toEqual([opened.login]);
    expect(archive.sessions).toHaveLength(1);
    expect(archive.consents.termsAcceptances.map((t) => t.version)).toEqual([1]);
    expect(archive.consents.appropriatenessAssessments.map((a) => a.passed)).toEqual([true]);
    expect(archive.auditEvents.map((e) => e.kind)).toContain("account.opened");

    const text = JSON.stringify(archive);
    for (const secret of ["SECRET-CIPHERTEXT", "passwordHash", "internal: photo", staff.name, stranger.customer.email, "Correct-Horse-42", opened.temporaryPassword!]) {
      expect(text).not.toContain(secret);
    }
  });

  it("is limited to 5 a day per customer (429 TOO_MANY_ATTEMPTS), without touching another customer's budget", async () => {
    const me = await newCustomer(h);
    const other = await newCustomer(h);
    for (let i = 0; i < 5; i++) await me.api.customerData.export();
    const refused = await failure(me.api.customerData.export());
    expect([refused?.code, refused?.httpStatus]).toEqual(["TOO_MANY_ATTEMPTS", 429]);
    expect((await other.api.customerData.export()).profile.customerId).toBe(other.customer.id);
  });

  it("needs a signed-in customer: anonymous 401, staff 403", async () => {
    expect(await codeOf(h.caller().customerData.export())).toBe("INVALID_CUSTOMER_SESSION");
    const { api: staff } = await newStaff(h);
    expect(await codeOf(staff.customerData.export())).toBe("FORBIDDEN");
  });
});

describe("customerData.close", () => {
  it("needs a recent re-authentication (401 REAUTH_REQUIRED), changing nothing", async () => {
    const { api, customer } = await newCustomer(h);
    h.clock.advance(6 * MINUTE);
    try {
      expect(await codeOf(api.customerData.close({ confirm: true }))).toBe("REAUTH_REQUIRED");
    } finally {
      h.clock.advance(-6 * MINUTE);
    }
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).closedAt).toBeNull();
  });

  it("is refused while a REAL account or wallet holds money in the core (409 CLOSURE_FUNDS_REMAINING), changing nothing", async () => {
    const { api, customer } = await newCustomer(h, { kycApproved: true });
    const real = await openFrom(api, "real-usd");
    const wallet = await openFrom(api, "wallet-usd");
    await openFrom(api, "demo-usd"); // play money does not count
    await fund(h, real.login, "0.01");
    await fund(h, wallet.login, "25.00");
    const refused = await failure(api.customerData.close({ confirm: true }));
    expect([refused?.code, refused?.httpStatus, refused?.details]).toEqual([
      "CLOSURE_FUNDS_REMAINING",
      409,
      {
        accounts: [
          { accountId: real.id, login: real.login, currency: "USD", balance: "0.01" },
          { accountId: wallet.id, login: wallet.login, currency: "USD", balance: "25.00" },
        ],
      },
    ]);
    const row = await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect([row.email, row.closedAt]).toEqual([customer.email, null]);
    expect(await h.db.account.count({ where: { customerId: customer.id, archivedAt: { not: null } } })).toBe(0);
    expect((await api.customer.me()).email).toBe(customer.email);
  });

  it("is refused while a money operation is pending (409 CLOSURE_OPERATIONS_PENDING)", async () => {
    const { api, customer } = await newCustomer(h, { kycApproved: true });
    const real = await openFrom(api, "real-usd");
    const { staff } = await newStaff(h);
    await h.db.balanceAdjustment.create({
      data: {
        accountId: real.id, type: "DEPOSIT", amount: "5000.00", currency: "USD", comment: "bonus", makerId: staff.id,
        idempotencyKey: `k-${customer.id}`, approvalRequired: true, status: "PENDING",
      },
    });
    const refused = await failure(api.customerData.close({ confirm: true }));
    expect([refused?.code, refused?.httpStatus, refused?.details]).toEqual(["CLOSURE_OPERATIONS_PENDING", 409, { adjustments: 1, archivals: 0, openings: 0, deposits: 0, withdrawals: 0, transfers: 0, conversions: 0 }]);
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).closedAt).toBeNull();
  });

  it("a 500 CORE_NOT_AVAILABLE when balances cannot be read, changing nothing", async () => {
    const { api, customer } = await newCustomer(h, { kycApproved: true });
    await openFrom(api, "real-usd");
    await h.faults.setUnavailable(true);
    try {
      expect(await codeOf(api.customerData.close({ confirm: true }))).toBe("CORE_NOT_AVAILABLE");
    } finally {
      await h.faults.setUnavailable(false);
    }
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).closedAt).toBeNull();
  });

  it("with zero balances: accounts archived (core too), every session ended, personal data pseudonymised, records kept", async () => {
    const me = await newCustomer(h, { kycApproved: true });
    const id = me.customer.id;
    const real = await openFrom(me.api, "real-usd");
    const demo = await openFrom(me.api, "demo-usd");
    const wallet = await openFrom(me.api, "wallet-usd");
    const other = await newCustomer(h, { kycApproved: true });
    const otherAccount = await openFrom(other.api, "demo-usd");
    // A second device of mine.
    const second = h.caller({
      type: "customer-session",
      sessionId: (await (await import("../../src/session/sessions")).createSession(h.db, {
        customerId: id, kind: "API", request: { requestId: "t", ip: "198.51.100.9", userAgent: "Phone" }, now: h.clock.now(),
      })).sessionId,
    });

    const closed = await me.api.customerData.close({ confirm: true });
    expect(closed).toEqual({ closedAt: h.clock.now().toISOString(), archivedAccounts: 3, endedSessions: 2 });

    expect(await codeOf(me.api.customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(second.customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(h.caller().auth.login({ email: me.customer.email, password: "Correct-Horse-42" }))).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    for (const a of [real, demo, wallet]) {
      expect((await h.db.account.findUniqueOrThrow({ where: { id: a.id } })).archivedAt).not.toBeNull();
      expect((await h.core.getAccount(a.login)).archived).toBe(true);
    }
    const row = await h.db.customer.findUniqueOrThrow({ where: { id } });
    expect([row.email, row.firstName, row.lastName, row.phone, row.status, row.otpSecretEnc]).toEqual([
      `closed-${id}@closed.invalid`, "Closed", `Customer ${id}`, null, 1, null,
    ]);
    expect(await h.db.session.count({ where: { customerId: id, OR: [{ ip: { not: null } }, { revokedAt: null }] } })).toBe(0);
    // Kept: KYC, acceptances, assessments, audit trail.
    expect(await h.db.kycProfile.count({ where: { customerId: id } })).toBe(1);
    expect(await h.db.termsAcceptance.count({ where: { customerId: id } })).toBe(1);
    expect(await h.db.appropriatenessAssessment.count({ where: { customerId: id } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { customerId: id, kind: "customer.closed" } })).toBe(1);
    const notice = await h.db.message.findFirstOrThrow({ where: { customerId: id } });
    expect([notice.template, notice.recipient]).toEqual(["relationship-closed", me.customer.email]);
    // Nobody else is touched.
    expect((await other.api.customer.me()).email).toBe(other.customer.email);
    expect((await h.db.account.findUniqueOrThrow({ where: { id: otherAccount.id } })).archivedAt).toBeNull();
  });
});
