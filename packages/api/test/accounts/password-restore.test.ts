// accounts.restorePassword and accounts.revealRestoredPassword: a new password set in the
// core, e-mailed as a single-use link that shows it once to the signed-in owner (issue #7).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createContextInner } from "../../src/context";
import { env } from "../../src/env";
import { createCaller } from "../../src/index";
import { createHarness, type Harness } from "../support/harness";
import { codeOf, failure, lastEmail, newCustomer, openFrom, seedGroups } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(() => h.faults.reset());

async function trader() {
  const c = await newCustomer(h);
  const account = await openFrom(c.api, "demo-usd");
  return { ...c, account };
}

/** The token of the newest restore link e-mailed to the customer. */
async function linkToken(customerId: number) {
  const email = await lastEmail(h, customerId, "single-use-link");
  const base = env.PORTAL_BASE_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const match = new RegExp(`${base}/accounts/password-link/([A-Za-z0-9_-]+)`).exec(email.body);
  if (!match?.[1]) throw new Error(`no link in: ${email.body}`);
  return match[1];
}

describe("restoring a trading password", () => {
  it("sets a generated password in the core and e-mails a link that shows it once; nothing stores it in clear", async () => {
    const { api, customer, account } = await trader();
    await h.db.account.update({ where: { id: account.id }, data: { mustChangePassword: false } });
    const restored = await api.accounts.restorePassword({ accountId: account.id, passwordType: "main" });
    expect(restored).toEqual({ sent: true, expiresAt: new Date(h.clock.now().getTime() + 30 * 60_000).toISOString() });
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: account.temporaryPassword! })).toBe(false);
    expect((await api.accounts.get({ accountId: account.id })).mustChangePassword).toBe(true);

    const token = await linkToken(customer.id);
    expect(token.length).toBeGreaterThanOrEqual(22); // >= 128 bits in base64url
    const shown = await api.accounts.revealRestoredPassword({ token });
    expect(shown).toEqual({ accountId: account.id, login: account.login, passwordType: "main", password: expect.any(String) });
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: shown.password })).toBe(true);

    const tables = await h.db.$queryRaw<Array<{ schemaname: string; tablename: string }>>`
      SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'core_sim')`;
    for (const t of tables) {
      const rows = await h.db.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(x)::text AS row FROM "${t.schemaname}"."${t.tablename}" x`);
      for (const r of rows) {
        expect(r.row, `${t.schemaname}.${t.tablename}`).not.toContain(shown.password);
        if (t.tablename !== "Message") expect(r.row, `${t.schemaname}.${t.tablename}`).not.toContain(token);
      }
    }
    const link = await h.db.passwordRestoreLink.findFirstOrThrow({ where: { accountId: account.id } });
    expect([link.passwordEnc, link.usedAt]).toEqual([null, h.clock.now()]);

    const again = await failure(api.accounts.revealRestoredPassword({ token }));
    expect([again?.code, again?.httpStatus]).toEqual(["LINK_USED", 410]);
    const audit = await h.db.auditEvent.findMany({ where: { customerId: customer.id, kind: { startsWith: "account.password" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.kind)).toEqual(["account.password_restored", "account.password_link_revealed"]);
  });

  it("another customer's use of the link answers like an unknown token (404), and the owner can still use it", async () => {
    const { api, customer, account } = await trader();
    await api.accounts.restorePassword({ accountId: account.id, passwordType: "main" });
    const token = await linkToken(customer.id);
    const stranger = await newCustomer(h);
    const theirs = await failure(stranger.api.accounts.revealRestoredPassword({ token }));
    const unknown = await failure(stranger.api.accounts.revealRestoredPassword({ token: "A".repeat(43) }));
    expect([theirs?.code, theirs?.httpStatus, theirs?.message]).toEqual(["NOT_FOUND", 404, unknown?.message]);
    expect(unknown?.code).toBe("NOT_FOUND");
    await expect(api.accounts.revealRestoredPassword({ token })).resolves.toMatchObject({ accountId: account.id });
    // Used: still 404 for the stranger, 410 for the owner.
    expect(await codeOf(stranger.api.accounts.revealRestoredPassword({ token }))).toBe("NOT_FOUND");
    expect(await codeOf(api.accounts.revealRestoredPassword({ token }))).toBe("LINK_USED");
  });

  it("the link expires after 30 minutes (410) and its password is wiped", async () => {
    const { api, customer, account } = await trader();
    await api.accounts.restorePassword({ accountId: account.id, passwordType: "investor" });
    const token = await linkToken(customer.id);
    h.clock.advance(20 * 60_000);
    await api.accounts.get({ accountId: account.id }); // the session stays alive
    h.clock.advance(10 * 60_000);
    expect(await codeOf(api.accounts.revealRestoredPassword({ token }))).toBe("LINK_USED");
    expect((await h.db.passwordRestoreLink.findFirstOrThrow({ where: { accountId: account.id } })).passwordEnc).toBeNull();
  });

  it("a newer restore, a wizard change or archiving makes an unused link 410", async () => {
    const { api, customer, account } = await trader();
    await api.accounts.restorePassword({ accountId: account.id, passwordType: "main" });
    const older = await linkToken(customer.id);
    await api.accounts.restorePassword({ accountId: account.id, passwordType: "main" });
    const newer = await linkToken(customer.id);
    expect(await codeOf(api.accounts.revealRestoredPassword({ token: older }))).toBe("LINK_USED");

    const wizard = await api.accounts.passwordWizard.start({ accountId: account.id, passwordType: "main" });
    const code = /Your code is (\d{6})/.exec((await lastEmail(h, customer.id, "trading-password-change-code")).body)![1]!;
    await api.accounts.passwordWizard.confirm({ accountId: account.id, flowId: wizard.uuid, code });
    await api.accounts.passwordWizard.change({ accountId: account.id, flowId: wizard.uuid, password: "Chosen-Pass-1", passwordConfirmation: "Chosen-Pass-1" });
    expect(await codeOf(api.accounts.revealRestoredPassword({ token: newer }))).toBe("LINK_USED");

    await api.accounts.restorePassword({ accountId: account.id, passwordType: "investor" });
    const beforeArchive = await linkToken(customer.id);
    await api.accounts.archive({ accountId: account.id });
    expect(await codeOf(api.accounts.revealRestoredPassword({ token: beforeArchive }))).toBe("LINK_USED");
  });

  it("an investor restore leaves mustChangePassword alone", async () => {
    const { api, customer, account } = await trader();
    await h.db.account.update({ where: { id: account.id }, data: { mustChangePassword: false } });
    await api.accounts.restorePassword({ accountId: account.id, passwordType: "investor" });
    expect((await api.accounts.get({ accountId: account.id })).mustChangePassword).toBe(false);
    const shown = await api.accounts.revealRestoredPassword({ token: await linkToken(customer.id) });
    expect(shown.passwordType).toBe("investor");
    expect(await h.core.checkPassword({ login: account.login, type: "investor", password: shown.password })).toBe(true);
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: account.temporaryPassword! })).toBe(true);
  });

  it("is limited to 3 an hour per account (429)", async () => {
    const { api, account } = await trader();
    for (let i = 0; i < 3; i++) await api.accounts.restorePassword({ accountId: account.id, passwordType: "main" });
    const error = await failure(api.accounts.restorePassword({ accountId: account.id, passwordType: "main" }));
    expect([error?.code, error?.httpStatus]).toEqual(["TOO_MANY_ATTEMPTS", 429]);
    expect(error?.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("refuses wallets, archived accounts, unverified e-mail, bad input, and a core that does not answer (nothing sent)", async () => {
    const kyc = await newCustomer(h, { kycApproved: true });
    const wallet = await openFrom(kyc.api, "wallet-usd");
    expect(await codeOf(kyc.api.accounts.restorePassword({ accountId: wallet.id, passwordType: "main" }))).toBe("INVALID_DATA");

    const unverified = await newCustomer(h, { emailVerified: false });
    const demo = await openFrom(unverified.api, "demo-usd");
    expect(await codeOf(unverified.api.accounts.restorePassword({ accountId: demo.id, passwordType: "main" }))).toBe("EMAIL_NOT_VERIFIED");

    const { api, customer, account } = await trader();
    expect(await codeOf(api.accounts.restorePassword({ accountId: account.id, passwordType: "master" } as never))).toBe("INVALID_DATA");
    for (const token of ["", "short", "has spaces in it......", "x".repeat(200)]) {
      expect(await codeOf(api.accounts.revealRestoredPassword({ token })), token).toBe("INVALID_DATA");
    }
    expect(await codeOf(h.caller(null).accounts.revealRestoredPassword({ token: "A".repeat(43) }))).toBe("INVALID_CUSTOMER_SESSION");

    await h.faults.failNext("setPassword", 1);
    expect(await codeOf(api.accounts.restorePassword({ accountId: account.id, passwordType: "main" }))).toBe("CORE_NOT_AVAILABLE");
    expect(await h.db.passwordRestoreLink.count({ where: { accountId: account.id } })).toBe(0);
    expect(await h.db.message.count({ where: { customerId: customer.id, template: "single-use-link" } })).toBe(0);
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: account.temporaryPassword! })).toBe(true);

    const archived = await openFrom(api, "demo-eur");
    await api.accounts.archive({ accountId: archived.id });
    expect(await codeOf(api.accounts.restorePassword({ accountId: archived.id, passwordType: "main" }))).toBe("ACCOUNT_ARCHIVED");
  });

  it("records the new password before the core sets it, and sends the link only after", async () => {
    const { customer, credential, account } = await trader();
    const seenAtCoreCall: { links: number; emails: number }[] = [];
    const core = Object.create(h.core) as typeof h.core;
    core.setPassword = async (input) => {
      seenAtCoreCall.push({
        links: await h.db.passwordRestoreLink.count({ where: { accountId: account.id, usedAt: null, passwordEnc: { not: null } } }),
        emails: await h.db.message.count({ where: { customerId: customer.id, template: "single-use-link" } }),
      });
      return h.core.setPassword(input);
    };
    const api = createCaller(createContextInner({ deps: { db: h.db, core, clock: h.clock, rateLimits: h.rateLimits, documents: h.documents }, credential }));
    await api.accounts.restorePassword({ accountId: account.id, passwordType: "main" });
    expect(seenAtCoreCall).toEqual([{ links: 1, emails: 0 }]);
    expect(await h.db.message.count({ where: { customerId: customer.id, template: "single-use-link" } })).toBe(1);
    const revealed = await h.caller(credential).accounts.revealRestoredPassword({ token: await linkToken(customer.id) });
    expect(await h.core.checkPassword({ login: account.login, type: "main", password: revealed.password })).toBe(true);
  });
});
