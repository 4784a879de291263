// accounts.passwordWizard (seed 001 GET wizard / POST confirm / PUT password): the code
// by e-mail, its expiry, tries and reuse, the policy, main vs investor (issue #7).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import { codeOf, failure, lastEmail, newCustomer, openFrom, seedGroups } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(() => h.faults.reset());

const TEN_MINUTES = 10 * 60 * 1000;

async function trader() {
  const c = await newCustomer(h);
  const account = await openFrom(c.api, "demo-usd");
  return { ...c, account };
}

type Api = Awaited<ReturnType<typeof trader>>["api"];

/** Starts the wizard and reads the code from the e-mail the outbox holds. */
async function start(api: Api, customerId: number, accountId: number, passwordType: "main" | "investor" = "main") {
  const step = await api.accounts.passwordWizard.start({ accountId, passwordType });
  const email = await lastEmail(h, customerId, "trading-password-change-code");
  const code = /Your code is (\d{6})/.exec(email.body)?.[1];
  if (!code) throw new Error("no code in the e-mail");
  return { step, code, flowId: step.uuid, email };
}

describe("the trading-password wizard", () => {
  it("start e-mails a code and answers seed 001's step; confirm, then change set the password in the core", async () => {
    const { api, customer, account } = await trader();
    const { step, code, flowId, email } = await start(api, customer.id, account.id);
    const now = h.clock.now();
    expect(step).toEqual({
      code: 200,
      done: false,
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      workflow: "confirm",
      data: {
        sentAt: now.toISOString(),
        expiredAt: new Date(now.getTime() + TEN_MINUTES).toISOString(),
        recipient: {
          template: "trading-password-change-code",
          email: `${customer.email[0]}***@example.com`,
          name: `${customer.firstName} ${customer.lastName}`,
          method: "email",
        },
      },
    });
    expect(email.recipient).toBe(customer.email);
    const flow = await h.db.tradingPasswordFlow.findUniqueOrThrow({ where: { id: flowId } });
    expect(flow.codeHash).not.toContain(code);

    expect(await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId, code })).toEqual({
      code: 200,
      done: false,
      uuid: flowId,
      workflow: "change",
      data: { expiredAt: expect.any(String) },
    });
    expect(
      await api.accounts.passwordWizard.change({ accountId: account.id, flowId, password: "NewMain-2026", passwordConfirmation: "NewMain-2026" }),
    ).toEqual({ code: 202, done: true, uuid: flowId, workflow: "terminated", data: null });

    expect(await h.core.checkPassword({ login: account.login, type: "main", password: "NewMain-2026" })).toBe(true);
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: account.temporaryPassword! })).toBe(false);
    expect((await api.accounts.get({ accountId: account.id })).mustChangePassword).toBe(false);
    const notice = await lastEmail(h, customer.id, "security-notice");
    expect(notice.body).toContain(`main password of trading account ${account.login} was changed`);
    expect(notice.body).not.toContain("NewMain-2026");
    const audit = await h.db.auditEvent.findMany({ where: { customerId: customer.id, kind: { startsWith: "account.password" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.kind)).toEqual(["account.password_change_started", "account.password_changed"]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain("NewMain-2026");
  });

  it("changes the investor password too; mustChangePassword stays for main; main and investor must differ", async () => {
    const { api, customer, account } = await trader();
    const investor = await start(api, customer.id, account.id, "investor");
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: investor.flowId, code: investor.code });
    // Equal to the main (temporary) password: refused, and the flow stays usable.
    const same = await failure(
      api.accounts.passwordWizard.change({
        accountId: account.id,
        flowId: investor.flowId,
        password: account.temporaryPassword!,
        passwordConfirmation: account.temporaryPassword!,
      }),
    );
    expect([same?.code, same?.httpStatus, same?.fieldCodes]).toEqual(["PASSWORD_POLICY", 409, { password: ["MUST_DIFFER"] }]);
    await api.accounts.passwordWizard.change({ accountId: account.id, flowId: investor.flowId, password: "Investor-77", passwordConfirmation: "Investor-77" });
    expect(await h.core.checkPassword({ login: account.login, type: "investor", password: "Investor-77" })).toBe(true);
    expect((await api.accounts.get({ accountId: account.id })).mustChangePassword).toBe(true);

    const main = await start(api, customer.id, account.id, "main");
    // Seed 001 sends the code as a number: leading zeros are restored.
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: main.flowId, code: Number(main.code) });
    expect(
      await codeOf(api.accounts.passwordWizard.change({ accountId: account.id, flowId: main.flowId, password: "Investor-77", passwordConfirmation: "Investor-77" })),
    ).toBe("PASSWORD_POLICY");
    await api.accounts.passwordWizard.change({ accountId: account.id, flowId: main.flowId, password: "Main-Pass-88", passwordConfirmation: "Main-Pass-88" });
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: "Main-Pass-88" })).toBe(true);
  });

  it("refuses a mismatched confirmation (INVALID_DATA on passwordConfirmation) and passwords breaking the policy (PASSWORD_POLICY)", async () => {
    const { api, customer, account } = await trader();
    const { flowId, code } = await start(api, customer.id, account.id);
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId, code });
    const mismatch = await failure(
      api.accounts.passwordWizard.change({ accountId: account.id, flowId, password: "Good-Pass-1", passwordConfirmation: "Good-Pass-2" }),
    );
    expect([mismatch?.code, mismatch?.fieldErrors]).toEqual(["INVALID_DATA", { passwordConfirmation: [expect.any(String)] }]);
    for (const password of ["Sh0rt", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere", "Way-Too-Long-Password-1", "With space1A"]) {
      const error = await failure(api.accounts.passwordWizard.change({ accountId: account.id, flowId, password, passwordConfirmation: password }));
      expect([error?.code, error?.httpStatus, error?.fieldCodes], password).toEqual(["PASSWORD_POLICY", 409, { password: ["PASSWORD_POLICY"] }]);
    }
    // None of this used the flow up.
    await api.accounts.passwordWizard.change({ accountId: account.id, flowId, password: "Good-Pass-1", passwordConfirmation: "Good-Pass-1" });
  });

  it("a code expires after 10 minutes (CODE_EXPIRED), and so does a confirmed flow left without a password", async () => {
    const { api, customer, account } = await trader();
    const late = await start(api, customer.id, account.id);
    h.clock.advance(TEN_MINUTES);
    const expired = await failure(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: late.flowId, code: late.code }));
    expect([expired?.code, expired?.httpStatus]).toEqual(["CODE_EXPIRED", 400]);

    const slow = await start(api, customer.id, account.id);
    h.clock.advance(TEN_MINUTES - 1);
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: slow.flowId, code: slow.code });
    h.clock.advance(TEN_MINUTES);
    expect(
      await codeOf(api.accounts.passwordWizard.change({ accountId: account.id, flowId: slow.flowId, password: "Late-Pass-1", passwordConfirmation: "Late-Pass-1" })),
    ).toBe("CODE_EXPIRED");
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: "Late-Pass-1" })).toBe(false);
  });

  it("allows 5 wrong codes, then the flow is dead even for the right code", async () => {
    const { api, customer, account } = await trader();
    const { flowId, code } = await start(api, customer.id, account.id);
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 4; i++) {
      expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId, code: wrong }))).toBe("CODE_INVALID");
    }
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId, code });

    const second = await start(api, customer.id, account.id);
    const wrong2 = second.code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: second.flowId, code: wrong2 }))).toBe("CODE_INVALID");
    }
    expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: second.flowId, code: second.code }))).toBe("CODE_INVALID");
    expect((await h.db.tradingPasswordFlow.findUniqueOrThrow({ where: { id: second.flowId } })).attempts).toBe(5);
  });

  it("a finished, superseded or unconfirmed flow cannot be used (CODE_INVALID)", async () => {
    const { api, customer, account } = await trader();
    const done = await start(api, customer.id, account.id);
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: done.flowId, code: done.code });
    await api.accounts.passwordWizard.change({ accountId: account.id, flowId: done.flowId, password: "First-Pass-1", passwordConfirmation: "First-Pass-1" });
    expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: done.flowId, code: done.code }))).toBe("CODE_INVALID");
    expect(
      await codeOf(api.accounts.passwordWizard.change({ accountId: account.id, flowId: done.flowId, password: "Again-Pass-2", passwordConfirmation: "Again-Pass-2" })),
    ).toBe("CODE_INVALID");

    const confirmedTwice = await start(api, customer.id, account.id);
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: confirmedTwice.flowId, code: confirmedTwice.code });
    expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: confirmedTwice.flowId, code: confirmedTwice.code }))).toBe(
      "CODE_INVALID",
    );

    const older = await start(api, customer.id, account.id);
    const newer = await start(api, customer.id, account.id);
    expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: older.flowId, code: older.code }))).toBe("CODE_INVALID");
    expect(
      await codeOf(api.accounts.passwordWizard.change({ accountId: account.id, flowId: newer.flowId, password: "Skip-Code-3", passwordConfirmation: "Skip-Code-3" })),
    ).toBe("CODE_INVALID");
    expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: crypto.randomUUID(), code: newer.code }))).toBe("CODE_INVALID");
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: "First-Pass-1" })).toBe(true);
  });

  it("a flow is bound to its account and customer", async () => {
    const { api, customer, account } = await trader();
    const mine = await openFrom(api, "demo-eur");
    const { flowId, code } = await start(api, customer.id, account.id);
    expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: mine.id, flowId, code }))).toBe("CODE_INVALID");
    const other = await trader();
    expect(await codeOf(other.api.accounts.passwordWizard.confirm({ accountId: other.account.id, flowId, code }))).toBe("CODE_INVALID");
    // Neither counted against the real owner, and the flow still works where it belongs.
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId, code });
  });

  it("a core that does not answer at the last step: CORE_NOT_AVAILABLE, and the flow can be finished afterwards", async () => {
    const { api, customer, account } = await trader();
    const { flowId, code } = await start(api, customer.id, account.id);
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId, code });
    const input = { accountId: account.id, flowId, password: "Retry-Pass-1", passwordConfirmation: "Retry-Pass-1" };
    await h.faults.failNext("setPassword", 1);
    expect(await codeOf(api.accounts.passwordWizard.change(input))).toBe("CORE_NOT_AVAILABLE");
    await h.faults.setUnavailable(true);
    expect(await codeOf(api.accounts.passwordWizard.change(input))).toBe("CORE_NOT_AVAILABLE");
    await h.faults.setUnavailable(false);
    await expect(api.accounts.passwordWizard.change(input)).resolves.toMatchObject({ done: true });
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: "Retry-Pass-1" })).toBe(true);
  });

  it("refuses wallets, unverified e-mail addresses, unknown password types, bad codes and too many starts", async () => {
    const kyc = await newCustomer(h, { kycApproved: true });
    const wallet = await openFrom(kyc.api, "wallet-usd");
    const walletError = await failure(kyc.api.accounts.passwordWizard.start({ accountId: wallet.id, passwordType: "main" }));
    expect([walletError?.code, Object.keys(walletError?.fieldErrors ?? {})]).toEqual(["INVALID_DATA", ["accountId"]]);

    const unverified = await newCustomer(h, { emailVerified: false });
    const demo = await openFrom(unverified.api, "demo-usd");
    expect(await codeOf(unverified.api.accounts.passwordWizard.start({ accountId: demo.id, passwordType: "main" }))).toBe("EMAIL_NOT_VERIFIED");

    const { api, customer, account } = await trader();
    expect(await codeOf(api.accounts.passwordWizard.start({ accountId: account.id, passwordType: "master" } as never))).toBe("INVALID_DATA");
    const { flowId } = await start(api, customer.id, account.id);
    for (const code of ["12345", "1234567", "abcdef", -1, 1_000_000]) {
      expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId, code } as never)), String(code)).toBe("INVALID_DATA");
    }
    expect(await codeOf(api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: "not-a-uuid", code: "123456" }))).toBe("INVALID_DATA");
    for (let i = 0; i < 4; i++) await api.accounts.passwordWizard.start({ accountId: account.id, passwordType: "investor" });
    const throttled = await failure(api.accounts.passwordWizard.start({ accountId: account.id, passwordType: "main" }));
    expect([throttled?.code, throttled?.httpStatus]).toEqual(["TOO_MANY_ATTEMPTS", 429]);
    expect(await h.db.message.count({ where: { customerId: customer.id, template: "trading-password-change-code" } })).toBe(5);
  });
});
