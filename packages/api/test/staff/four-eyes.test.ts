// Money under four eyes (issue 11): staff.adjustBalance is a request; above the
// currency's threshold it waits for a second staff member; nobody approves their own
// request or touches their own customer account; applying is exactly once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAdjustmentThresholds, needsApproval } from "../../src/staff/adjustment-thresholds";
import {
  coreBalance,
  codeOf,
  failure,
  fund,
  newCustomer,
  openFrom,
  seedGroups,
} from "../accounts/fixtures";
import { createHarness, type Harness } from "../support/harness";
import { staffMember } from "./fixtures";

let h: Harness;
let maker: Awaited<ReturnType<typeof staffMember>>;
let checker: Awaited<ReturnType<typeof staffMember>>;
let admin: Awaited<ReturnType<typeof staffMember>>;

beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
  maker = await staffMember(h, "FINANCE");
  checker = await staffMember(h, "FINANCE");
  admin = await staffMember(h, "ADMIN");
});
afterAll(() => h.close());

/** A customer with an open REAL USD account holding `balance`. */
async function account(balance = "0", email?: string) {
  const c = await newCustomer(h, { kycApproved: true });
  if (email) await h.db.customer.update({ where: { id: c.customer.id }, data: { email } });
  const real = await openFrom(c.api, "real-usd");
  if (balance !== "0") await fund(h, real.login, balance);
  return { ...c, real };
}

const key = () => `adj-${randomUUID()}`;
const request = (
  accountId: number,
  amount: string,
  type: "deposit" | "withdrawal" = "deposit",
) => ({
  accountId,
  type,
  amount,
  comment: "Wire transfer ref 2026-12-01",
  idempotencyKey: key(),
});
const statusOf = async (requestId: string) =>
  (await h.db.balanceAdjustment.findUniqueOrThrow({ where: { id: requestId } })).status;

describe("the threshold", () => {
  it("applies exactly 1,000.00 at once and keeps 1,000.01 waiting, with nothing moved", async () => {
    const { real } = await account();
    const atThreshold = await maker.api.staff.adjustBalance(request(real.id, "1000.00"));
    expect(atThreshold).toMatchObject({
      status: "APPLIED",
      approvalRequired: false,
      checker: null,
      balance: "1000.00",
    });
    expect(await coreBalance(h, real.login)).toBe("1000.00");

    const above = await maker.api.staff.adjustBalance(request(real.id, "1000.01"));
    expect(above).toMatchObject({
      status: "PENDING",
      approvalRequired: true,
      balance: null,
      operationId: null,
      maker: { staffId: maker.staff.id },
    });
    expect(await coreBalance(h, real.login)).toBe("1000.00");
  });

  it("is configurable per currency, with a default for the others", () => {
    const t = parseAdjustmentThresholds("EUR:500,USD:2000.5,*:100.00");
    expect(t).toEqual({ "*": "100.00", EUR: "500.00", USD: "2000.50" });
    expect([
      needsApproval(t, "EUR", "500.00"),
      needsApproval(t, "EUR", "500.01"),
      needsApproval(t, "GBP", "100.01"),
    ]).toEqual([false, true, true]);
    expect(needsApproval(parseAdjustmentThresholds(undefined), "JPY", "1000.00")).toBe(false);
    expect(needsApproval(parseAdjustmentThresholds(""), "JPY", "1000.01")).toBe(true);
    for (const bad of ["USD=1000", "usd:1000", "USD:-1", "USD:1.234", "USD:"]) {
      expect(() => parseAdjustmentThresholds(bad), bad).toThrow(/ADJUSTMENT_APPROVAL_THRESHOLDS/);
    }
  });
});

describe("approval", () => {
  it("refuses the maker (403 SELF_APPROVAL, nothing changes); a second member applies it once, audited step by step", async () => {
    const { real, customer } = await account("5.00");
    const pending = await maker.api.staff.adjustBalance(request(real.id, "2500.00"));
    const own = await failure(maker.api.staff.approveAdjustment({ requestId: pending.requestId }));
    expect([own?.code, own?.httpStatus]).toEqual(["SELF_APPROVAL", 403]);
    expect(await statusOf(pending.requestId)).toBe("PENDING");
    expect(await coreBalance(h, real.login)).toBe("5.00");

    const approved = await checker.api.staff.approveAdjustment({ requestId: pending.requestId });
    expect(approved).toMatchObject({
      status: "APPLIED",
      balance: "2505.00",
      maker: { staffId: maker.staff.id },
      checker: { staffId: checker.staff.id },
      decidedAt: expect.any(String),
      appliedAt: expect.any(String),
    });
    expect(await coreBalance(h, real.login)).toBe("2505.00");
    // Approving again is refused and moves nothing.
    expect(await codeOf(admin.api.staff.approveAdjustment({ requestId: pending.requestId }))).toBe(
      "REQUEST_ALREADY_DECIDED",
    );
    expect(
      await codeOf(
        checker.api.staff.rejectAdjustment({ requestId: pending.requestId, reason: "late" }),
      ),
    ).toBe("REQUEST_ALREADY_DECIDED");
    expect(await coreBalance(h, real.login)).toBe("2505.00");

    const audit = await h.db.auditEvent.findMany({
      where: {
        customerId: customer.id,
        kind: { in: ["adjustment.requested", "adjustment.approved", "account.balance_adjusted"] },
      },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.kind, a.staffId])).toEqual([
      ["adjustment.requested", maker.staff.id],
      ["adjustment.approved", checker.staff.id],
      ["account.balance_adjusted", checker.staff.id],
    ]);
    expect(audit[2]!.data).toMatchObject({
      requestId: pending.requestId,
      makerId: maker.staff.id,
      checkerId: checker.staff.id,
      amount: "2500.00",
    });
  });

  it("parallel approvals by two colleagues: exactly one wins, the other is told, the money moves once", async () => {
    const { real } = await account();
    const pending = await maker.api.staff.adjustBalance(request(real.id, "1500.00"));
    const results = await Promise.all([
      codeOf(checker.api.staff.approveAdjustment({ requestId: pending.requestId })),
      codeOf(admin.api.staff.approveAdjustment({ requestId: pending.requestId })),
      codeOf(
        checker.api.staff.rejectAdjustment({ requestId: pending.requestId, reason: "Duplicate" }),
      ),
    ]);
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "REQUEST_ALREADY_DECIDED")).toHaveLength(2);
    const final = await statusOf(pending.requestId);
    expect(await coreBalance(h, real.login)).toBe(final === "APPLIED" ? "1500.00" : "0.00");
    const ledger = await h.db.$queryRaw<
      Array<{ n: bigint }>
    >`SELECT count(*) AS n FROM core_sim.ledger WHERE login = ${real.login}`;
    expect(Number(ledger[0]!.n)).toBe(final === "APPLIED" ? 1 : 0);
  });

  it("a rejection needs a reason, moves nothing, and closes the request", async () => {
    const { real, customer } = await account("10.00");
    const pending = await maker.api.staff.adjustBalance(request(real.id, "5000.00"));
    expect(
      await codeOf(
        checker.api.staff.rejectAdjustment({ requestId: pending.requestId, reason: "   " }),
      ),
    ).toBe("INVALID_DATA");
    const rejected = await checker.api.staff.rejectAdjustment({
      requestId: pending.requestId,
      reason: "No matching wire",
    });
    expect(rejected).toMatchObject({
      status: "REJECTED",
      rejectionReason: "No matching wire",
      checker: { staffId: checker.staff.id },
      balance: null,
    });
    expect(await codeOf(admin.api.staff.approveAdjustment({ requestId: pending.requestId }))).toBe(
      "REQUEST_ALREADY_DECIDED",
    );
    expect(await coreBalance(h, real.login)).toBe("10.00");
    expect(
      await h.db.auditEvent.count({
        where: { customerId: customer.id, kind: "account.balance_adjusted" },
      }),
    ).toBe(0);
    expect(
      await h.db.auditEvent.count({
        where: { customerId: customer.id, kind: "adjustment.rejected" },
      }),
    ).toBe(1);
  });

  it("an unknown request is 404 NOT_FOUND", async () => {
    expect(await codeOf(checker.api.staff.approveAdjustment({ requestId: randomUUID() }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(checker.api.staff.rejectAdjustment({ requestId: randomUUID(), reason: "x" })),
    ).toBe("NOT_FOUND");
  });
});

describe("one's own customer account", () => {
  it("nobody requests on an account whose customer has their e-mail (any letter case); nothing is stored", async () => {
    const self = await staffMember(h, "FINANCE", `Own.Money-${Date.now()}@Broker.example`);
    const { real } = await account("0", self.staff.email.toLowerCase());
    for (const amount of ["10.00", "5000.00"]) {
      const refused = await failure(self.api.staff.adjustBalance(request(real.id, amount)));
      expect([refused?.code, refused?.httpStatus]).toEqual(["SELF_APPROVAL", 403]);
    }
    expect(await h.db.balanceAdjustment.count({ where: { accountId: real.id } })).toBe(0);
    expect(await coreBalance(h, real.login)).toBe("0.00");
  });

  it("nobody approves (or rejects) a request on their own customer account", async () => {
    const self = await staffMember(h, "ADMIN", `own.approver-${Date.now()}@broker.example`);
    const { real } = await account("0", self.staff.email.toUpperCase().toLowerCase());
    const pending = await maker.api.staff.adjustBalance(request(real.id, "3000.00"));
    expect(await codeOf(self.api.staff.approveAdjustment({ requestId: pending.requestId }))).toBe(
      "SELF_APPROVAL",
    );
    expect(
      await codeOf(
        self.api.staff.rejectAdjustment({ requestId: pending.requestId, reason: "Mine" }),
      ),
    ).toBe("SELF_APPROVAL");
    expect(await statusOf(pending.requestId)).toBe("PENDING");
    expect(await coreBalance(h, real.login)).toBe("0.00");
  });
});

describe("keys, funds and a core that does not answer", () => {
  it("the same key with the same request answers the same request; with another request 409 IDEMPOTENCY_KEY_REUSED", async () => {
    const { real } = await account();
    const first = request(real.id, "2000.00");
    const made = await maker.api.staff.adjustBalance(first);
    expect((await maker.api.staff.adjustBalance(first)).requestId).toBe(made.requestId);
    for (const change of [
      { amount: "2000.01" },
      { type: "withdrawal" as const },
      { comment: "Other" },
    ]) {
      const refused = await failure(maker.api.staff.adjustBalance({ ...first, ...change }));
      expect([refused?.code, refused?.httpStatus], JSON.stringify(change)).toEqual([
        "IDEMPOTENCY_KEY_REUSED",
        409,
      ]);
    }
    // Keys are the maker's own: a colleague's equal key is another request.
    const colleague = await admin.api.staff.adjustBalance(first);
    expect(colleague.requestId).not.toBe(made.requestId);
    expect(await h.db.balanceAdjustment.count({ where: { accountId: real.id } })).toBe(2);
  });

  it("a withdrawal above the balance is 409 INSUFFICIENT_FUNDS when requested, and when approved it stays PENDING with nothing moved", async () => {
    const { real } = await account("3000.00");
    const tooMuch = await failure(
      maker.api.staff.adjustBalance(request(real.id, "3000.01", "withdrawal")),
    );
    expect([tooMuch?.code, tooMuch?.httpStatus]).toEqual(["INSUFFICIENT_FUNDS", 409]);
    expect(await h.db.balanceAdjustment.count({ where: { accountId: real.id } })).toBe(0);

    const pending = await maker.api.staff.adjustBalance(request(real.id, "2500.00", "withdrawal"));
    await maker.api.staff.adjustBalance(request(real.id, "1000.00", "withdrawal")); // applied at once: 2000.00 left
    expect(
      await codeOf(checker.api.staff.approveAdjustment({ requestId: pending.requestId })),
    ).toBe("INSUFFICIENT_FUNDS");
    expect(
      await h.db.balanceAdjustment.findUniqueOrThrow({ where: { id: pending.requestId } }),
    ).toMatchObject({ status: "PENDING", checkerId: null });
    expect(await coreBalance(h, real.login)).toBe("2000.00");
    // Below the threshold the core's refusal leaves no request behind.
    expect(
      await codeOf(maker.api.staff.adjustBalance(request(real.id, "999.00", "withdrawal"))),
    ).toBe("OK");
    expect(
      await codeOf(maker.api.staff.adjustBalance(request(real.id, "999.00", "withdrawal"))),
    ).toBe("OK");
    expect(
      await codeOf(maker.api.staff.adjustBalance(request(real.id, "1000.00", "withdrawal"))),
    ).toBe("INSUFFICIENT_FUNDS");
    expect(await coreBalance(h, real.login)).toBe("2.00");
    expect(
      await h.db.balanceAdjustment.count({
        where: { accountId: real.id, status: { not: "PENDING" } },
      }),
    ).toBe(3);
  });

  it("a core that fails or loses its reply: the request stays APPLYING, only its checker finishes it, money moves once", async () => {
    const { real } = await account();
    const pending = await maker.api.staff.adjustBalance(request(real.id, "1200.00"));
    await h.faults.failNext("balanceOperation", 1);
    expect(
      await codeOf(checker.api.staff.approveAdjustment({ requestId: pending.requestId })),
    ).toBe("CORE_NOT_AVAILABLE");
    expect(await statusOf(pending.requestId)).toBe("APPLYING");
    expect(await coreBalance(h, real.login)).toBe("0.00");
    expect(await codeOf(admin.api.staff.approveAdjustment({ requestId: pending.requestId }))).toBe(
      "REQUEST_ALREADY_DECIDED",
    );
    await h.faults.loseNextReply("balanceOperation", 1);
    expect(
      await codeOf(checker.api.staff.approveAdjustment({ requestId: pending.requestId })),
    ).toBe("CORE_NOT_AVAILABLE");
    expect(await coreBalance(h, real.login)).toBe("1200.00"); // committed, reply lost
    expect(
      await checker.api.staff.approveAdjustment({ requestId: pending.requestId }),
    ).toMatchObject({ status: "APPLIED", balance: "1200.00" });
    expect(await coreBalance(h, real.login)).toBe("1200.00");

    // At once (no approval): the maker's repeat with the same key finishes it, once.
    const small = request(real.id, "100.00");
    await h.faults.loseNextReply("balanceOperation", 1);
    expect(await codeOf(maker.api.staff.adjustBalance(small))).toBe("CORE_NOT_AVAILABLE");
    expect(await maker.api.staff.adjustBalance(small)).toMatchObject({
      status: "APPLIED",
      balance: "1300.00",
    });
    expect(await coreBalance(h, real.login)).toBe("1300.00");
  });
});

describe("roles", () => {
  it("SUPPORT and KYC_REVIEWER can neither request, list nor decide (403 FORBIDDEN), and nothing changes", async () => {
    const { real } = await account();
    const pending = await maker.api.staff.adjustBalance(request(real.id, "4000.00"));
    for (const role of ["SUPPORT", "KYC_REVIEWER"] as const) {
      const { api } = await staffMember(h, role);
      expect(await codeOf(api.staff.adjustBalance(request(real.id, "10.00")))).toBe("FORBIDDEN");
      expect(await codeOf(api.staff.adjustmentRequests({ status: "PENDING" }))).toBe("FORBIDDEN");
      expect(await codeOf(api.staff.approveAdjustment({ requestId: pending.requestId }))).toBe(
        "FORBIDDEN",
      );
      expect(
        await codeOf(api.staff.rejectAdjustment({ requestId: pending.requestId, reason: "no" })),
      ).toBe("FORBIDDEN");
    }
    const { api: customerApi } = await newCustomer(h);
    expect(
      await codeOf(customerApi.staff.approveAdjustment({ requestId: pending.requestId })),
    ).toBe("FORBIDDEN");
    expect(await statusOf(pending.requestId)).toBe("PENDING");
    expect(await h.db.balanceAdjustment.count({ where: { accountId: real.id } })).toBe(1);
    expect(await coreBalance(h, real.login)).toBe("0.00");
  });

  it("lists requests by status, newest first, paged, with maker, checker and times", async () => {
    const { real } = await account();
    const a = await maker.api.staff.adjustBalance(request(real.id, "1001.00"));
    h.clock.advance(1000);
    const b = await maker.api.staff.adjustBalance(request(real.id, "1002.00"));
    await checker.api.staff.rejectAdjustment({ requestId: b.requestId, reason: "Wrong amount" });
    const pending = await admin.api.staff.adjustmentRequests({
      status: "PENDING",
      limit: 100,
      offset: 0,
    });
    expect(pending.items.every((i) => i.status === "PENDING")).toBe(true);
    expect(pending.items.map((i) => i.requestId)).toContain(a.requestId);
    const rejected = await admin.api.staff.adjustmentRequests({
      status: "REJECTED",
      limit: 1,
      offset: 0,
    });
    expect(rejected.total).toBeGreaterThanOrEqual(1);
    expect(rejected.items).toHaveLength(1);
    expect(rejected.items[0]).toMatchObject({
      requestId: b.requestId,
      maker: { staffId: maker.staff.id, name: maker.staff.name },
      checker: { staffId: checker.staff.id },
      requestedAt: expect.any(String),
      decidedAt: expect.any(String),
      customer: { email: expect.any(String) },
    });
    expect(JSON.stringify(rejected)).not.toMatch(/passwordHash|otpSecret/);
  });
});
