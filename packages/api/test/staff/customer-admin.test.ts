// Customer administration for staff (issue 11): search and the customer page for every
// role, support actions for SUPPORT/ADMIN, creation and assignment for ADMIN; each refusal
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  codeOf,
  failure,
  fund,
  lastEmail,
  newCustomer,
  openFrom,
  seedGroups,
} from "../accounts/fixtures";
import { createSession } from "../../src/session/sessions";
import { createHarness, type Harness } from "../support/harness";
import { staffMember } from "./fixtures";

let h: Harness;
let admin: Awaited<ReturnType<typeof staffMember>>;
let support: Awaited<ReturnType<typeof staffMember>>;

beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
  admin = await staffMember(h, "ADMIN");
  support = await staffMember(h, "SUPPORT");
});
afterAll(() => h.close());

let n = 0;
const newInput = (extra: Record<string, unknown> = {}) => {
  n++;
  return {
    email: `Created${n}-${Date.now()}@Example.com`,
    firstName: "Carla",
    lastName: `Created${n}`,
    ...extra,
  };
};

describe("search and the customer page (customers:read, every role)", () => {
  it("finds a customer by e-mail, name, phone and account login, paged", async () => {
    const c = await newCustomer(h, { kycApproved: true });
    await h.db.customer.update({
      where: { id: c.customer.id },
      data: { phone: "+35799123456", lastName: "Zebediah" },
    });
    const real = await openFrom(c.api, "real-usd");
    for (const role of ["KYC_REVIEWER", "SUPPORT", "FINANCE", "ADMIN"] as const) {
      const { api } = await staffMember(h, role);
      for (const query of [
        c.customer.email.toUpperCase(),
        "zebed",
        "Tina Zebediah",
        "99123456",
        String(real.login),
      ]) {
        const found = await api.staffCustomers.search({ query });
        expect(
          found.items.map((i) => i.customerId),
          `${role} ${query}`,
        ).toContain(c.customer.id);
      }
    }
    const page = await admin.api.staffCustomers.search({
      query: "example.com",
      limit: 1,
      offset: 0,
    });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect(JSON.stringify(page)).not.toMatch(/passwordHash|otpSecret/);
  });

  it("shows profile, KYC, accounts with balances, live sessions and recent events; works with the core down", async () => {
    const c = await newCustomer(h, { kycApproved: true });
    const real = await openFrom(c.api, "real-usd");
    await fund(h, real.login, "42.50");
    const file = await support.api.staffCustomers.get({ customerId: c.customer.id });
    expect(file).toMatchObject({
      customerId: c.customer.id,
      email: c.customer.email,
      kyc: { statusName: "APPROVED", currentLevel: 1 },
      coreAvailable: true,
      accounts: [{ accountId: real.id, login: real.login, balance: "42.50", group: "real-usd" }],
    });
    expect(file.sessions).toHaveLength(1);
    expect(file.recentEvents.map((e) => e.kind)).toContain("account.opened");
    expect(JSON.stringify(file)).not.toMatch(/passwordHash|otpSecretEnc|tokenHash|codeHash/);

    await h.faults.setUnavailable(true);
    try {
      const down = await support.api.staffCustomers.get({ customerId: c.customer.id });
      expect(down.coreAvailable).toBe(false);
      expect(down.accounts[0]).toMatchObject({ login: real.login, balance: null });
      expect(down.email).toBe(c.customer.email);
    } finally {
      await h.faults.setUnavailable(false);
    }
    expect(await codeOf(support.api.staffCustomers.get({ customerId: 2_000_000_000 }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("support actions (customers:support)", () => {
  it("ends every session with a reason, e-mails the customer, audits; KYC_REVIEWER and FINANCE are refused and change nothing", async () => {
    const c = await newCustomer(h);
    await createSession(h.db, {
      customerId: c.customer.id,
      kind: "API",
      request: { requestId: "t", ip: null, userAgent: null },
      now: h.clock.now(),
    });
    for (const role of ["KYC_REVIEWER", "FINANCE"] as const) {
      const { api } = await staffMember(h, role);
      expect(
        await codeOf(
          api.staffCustomers.endSessions({ customerId: c.customer.id, reason: "Caller verified" }),
        ),
      ).toBe("FORBIDDEN");
      expect(
        await codeOf(
          api.staffCustomers.resetTwoFactor({
            customerId: c.customer.id,
            reason: "Caller verified",
          }),
        ),
      ).toBe("FORBIDDEN");
    }
    expect(
      await h.db.session.count({ where: { customerId: c.customer.id, revokedAt: null } }),
    ).toBe(2);
    expect(
      await codeOf(
        support.api.staffCustomers.endSessions({ customerId: c.customer.id, reason: " " }),
      ),
    ).toBe("INVALID_DATA");

    expect(
      await support.api.staffCustomers.endSessions({
        customerId: c.customer.id,
        reason: "Lost phone, ID checked",
      }),
    ).toEqual({
      customerId: c.customer.id,
      endedSessions: 2,
    });
    expect(
      await h.db.session.count({ where: { customerId: c.customer.id, revokedAt: null } }),
    ).toBe(0);
    expect(await codeOf(c.api.customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect((await lastEmail(h, c.customer.id, "staff-support-action")).body).toMatch(/signed out/);
    const event = await h.db.auditEvent.findFirstOrThrow({
      where: { customerId: c.customer.id, kind: "customer.sessions_ended_by_staff" },
    });
    expect([event.staffId, event.data]).toEqual([
      support.staff.id,
      { reason: "Lost phone, ID checked", endedSessions: 2 },
    ]);
  });

  it("resets the second factor: OTP off, recovery codes gone, e-mail and audit", async () => {
    const c = await newCustomer(h);
    await h.db.customer.update({
      where: { id: c.customer.id },
      data: { otpEnabled: true, otpSecretEnc: "cipher", otpLastStep: 5n },
    });
    await h.db.recoveryCode.create({ data: { customerId: c.customer.id, codeHash: "x" } });
    const result = await admin.api.staffCustomers.resetTwoFactor({
      customerId: c.customer.id,
      reason: "New phone, ID checked on video call",
    });
    expect(result).toEqual({ customerId: c.customer.id, otpEnabled: false, wasEnabled: true });
    expect(await h.db.customer.findUniqueOrThrow({ where: { id: c.customer.id } })).toMatchObject({
      otpEnabled: false,
      otpSecretEnc: null,
      otpLastStep: null,
    });
    expect(await h.db.recoveryCode.count({ where: { customerId: c.customer.id } })).toBe(0);
    expect((await lastEmail(h, c.customer.id, "staff-support-action")).body).toMatch(
      /Two-factor authentication was turned off/,
    );
    expect(
      await h.db.auditEvent.count({
        where: {
          customerId: c.customer.id,
          kind: "customer.otp_reset_by_staff",
          staffId: admin.staff.id,
        },
      }),
    ).toBe(1);
  });

  it("staff never act on a customer account with their own e-mail (403 SELF_APPROVAL), and nothing changes", async () => {
    const self = await staffMember(h, "SUPPORT", `Self.Support-${Date.now()}@Example.com`);
    const c = await newCustomer(h);
    await h.db.customer.update({
      where: { id: c.customer.id },
      data: { email: self.staff.email.toLowerCase(), otpEnabled: true, otpSecretEnc: "cipher" },
    });
    expect(
      await codeOf(
        self.api.staffCustomers.endSessions({ customerId: c.customer.id, reason: "Mine" }),
      ),
    ).toBe("SELF_APPROVAL");
    expect(
      await codeOf(
        self.api.staffCustomers.resetTwoFactor({ customerId: c.customer.id, reason: "Mine" }),
      ),
    ).toBe("SELF_APPROVAL");
    expect(
      await h.db.session.count({ where: { customerId: c.customer.id, revokedAt: null } }),
    ).toBe(1);
    expect(
      (await h.db.customer.findUniqueOrThrow({ where: { id: c.customer.id } })).otpEnabled,
    ).toBe(true);
  });
});

describe("creating and assigning customers (customers:manage)", () => {
  it("creates a customer with the staff-only fields and e-mails a code to set the password, which works", async () => {
    const input = newInput({
      phone: "+35712345678",
      deskId: 7,
      managerId: support.staff.id,
      tanChannels: ["sms", "totp"],
      conversionRateClass: 2,
      preferredLanguage: "de",
    });
    const created = await admin.api.staffCustomers.create(input);
    expect(created).toEqual({
      customerId: expect.any(Number),
      email: input.email.toLowerCase(),
      firstName: "Carla",
      lastName: input.lastName,
      phone: "+35712345678",
      deskId: 7,
      managerId: support.staff.id,
      tanChannels: ["sms", "totp"],
      conversionRateClass: 2,
    });
    const mail = await lastEmail(h, created.customerId, "staff-created-welcome");
    expect(mail.recipient).toBe(input.email.toLowerCase());
    expect(mail.body).toContain(
      `/reset-password?email=${encodeURIComponent(input.email.toLowerCase())}`,
    );
    const code = /code (\d{6})/i.exec(mail.body)![1]!;
    // The code outlives the 10 minutes of a forgotten-password code.
    h.clock.advance(48 * 3600_000);
    try {
      await h
        .caller()
        .auth.resetPassword({
          email: input.email,
          code,
          password: "Fresh-Start-2026",
          passwordConfirmation: "Fresh-Start-2026",
        });
    } finally {
      h.clock.advance(-48 * 3600_000); // the staff sessions of the other tests live 8 hours
    }
    expect(
      await codeOf(h.caller().auth.login({ email: input.email, password: "Fresh-Start-2026" })),
    ).toBe("OK");
    expect(
      await h.db.auditEvent.count({
        where: {
          customerId: created.customerId,
          kind: "customer.created_by_staff",
          staffId: admin.staff.id,
        },
      }),
    ).toBe(1);
  });

  it("refuses debitThreshold, reserved names, an unknown manager, a registered e-mail and SMS without a phone, creating nothing", async () => {
    const before = await h.db.customer.count();
    const messages = await h.db.message.count();
    const refused = await failure(
      admin.api.staffCustomers.create(newInput({ debitThreshold: "100.00" })),
    );
    expect([refused?.code, Object.keys(refused?.fieldErrors ?? {})]).toEqual([
      "INVALID_DATA",
      ["debitThreshold"],
    ]);
    for (const name of [
      { firstName: "admin" },
      { lastName: "BANK" },
      { firstName: "Ad-min." },
      { lastName: "Administrator" },
    ]) {
      const r = await failure(admin.api.staffCustomers.create(newInput(name)));
      expect(
        [r?.code, r?.httpStatus, Object.keys(r?.fieldErrors ?? {})],
        JSON.stringify(name),
      ).toEqual(["RESERVED_NAME", 409, Object.keys(name)]);
    }
    const manager = await failure(
      admin.api.staffCustomers.create(newInput({ managerId: 2_000_000_000 })),
    );
    expect([manager?.code, Object.keys(manager?.fieldErrors ?? {})]).toEqual([
      "INVALID_DATA",
      ["managerId"],
    ]);
    const existing = await newCustomer(h);
    expect(
      await codeOf(
        admin.api.staffCustomers.create(newInput({ email: existing.customer.email.toUpperCase() })),
      ),
    ).toBe("EMAIL_ALREADY_REGISTERED");
    expect(await codeOf(admin.api.staffCustomers.create(newInput({ tanChannels: ["sms"] })))).toBe(
      "INVALID_DATA",
    );
    expect(await codeOf(admin.api.staffCustomers.create(newInput({ tanChannels: ["fax"] })))).toBe(
      "INVALID_DATA",
    );
    expect(
      await codeOf(
        admin.api.staffCustomers.create(newInput({ email: admin.staff.email.toUpperCase() })),
      ),
    ).toBe("SELF_APPROVAL");
    for (const role of ["SUPPORT", "FINANCE", "KYC_REVIEWER"] as const) {
      const { api } = await staffMember(h, role);
      expect(await codeOf(api.staffCustomers.create(newInput()))).toBe("FORBIDDEN");
    }
    expect(await h.db.customer.count()).toBe(before + 1); // only `existing`
    expect(
      await h.db.message.count({ where: { template: "staff-created-welcome" } }),
    ).toBeLessThanOrEqual(messages);
  });

  it("a customer can neither set staff-only fields at sign-up nor choose a reserved name (sign-up names, account captions)", async () => {
    const base = {
      email: `self-${Date.now()}@example.com`,
      password: "Correct-Horse-42",
      firstName: "Sam",
      lastName: "Self",
    };
    expect(await codeOf(h.caller().auth.signUp({ ...base, tanChannels: ["sms"] } as never))).toBe(
      "NON_ADMIN_FIELD",
    );
    expect(await codeOf(h.caller().auth.signUp({ ...base, conversionRateClass: 1 } as never))).toBe(
      "NON_ADMIN_FIELD",
    );
    expect(await codeOf(h.caller().auth.signUp({ ...base, lastName: "Bank" }))).toBe(
      "RESERVED_NAME",
    );
    expect(await h.db.customer.count({ where: { email: base.email } })).toBe(0);
    // An account caption is a name the customer chooses too.
    const c = await newCustomer(h);
    const demo = await openFrom(c.api, "demo-usd");
    expect(await codeOf(c.api.accounts.update({ accountId: demo.id, caption: " Admin " }))).toBe(
      "RESERVED_NAME",
    );
    expect((await h.db.account.findUniqueOrThrow({ where: { id: demo.id } })).caption).toBeNull();
    expect(
      await codeOf(c.api.accounts.update({ accountId: demo.id, caption: "Admin savings" })),
    ).toBe("OK");
  });

  it("assigns desk and manager later (null clears), checks the manager, audits; others are refused", async () => {
    const c = await newCustomer(h);
    expect(
      await admin.api.staffCustomers.assign({
        customerId: c.customer.id,
        deskId: 3,
        managerId: support.staff.id,
      }),
    ).toEqual({
      customerId: c.customer.id,
      deskId: 3,
      managerId: support.staff.id,
    });
    expect(
      await admin.api.staffCustomers.assign({ customerId: c.customer.id, deskId: null }),
    ).toMatchObject({ deskId: null, managerId: support.staff.id });
    expect(
      await codeOf(
        admin.api.staffCustomers.assign({ customerId: c.customer.id, managerId: 2_000_000_000 }),
      ),
    ).toBe("INVALID_DATA");
    expect(await codeOf(admin.api.staffCustomers.assign({ customerId: c.customer.id }))).toBe(
      "INVALID_DATA",
    );
    expect(
      await codeOf(support.api.staffCustomers.assign({ customerId: c.customer.id, deskId: 9 })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(admin.api.staffCustomers.assign({ customerId: 2_000_000_000, deskId: 9 })),
    ).toBe("NOT_FOUND");
    expect(await h.db.customer.findUniqueOrThrow({ where: { id: c.customer.id } })).toMatchObject({
      deskId: null,
      managerId: support.staff.id,
    });
    expect(
      await h.db.auditEvent.count({
        where: { customerId: c.customer.id, kind: "customer.assigned" },
      }),
    ).toBe(2);
  });
});
