// accounts.archive (seed 001, with fallbackId) and resumeArchivals: funds move to the
// fallback wallet first, then the account is archived; under injected core faults at
// each step, retries finish the job and money is never lost or doubled (issue #7).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { archivalTransferKey } from "../../src/accounts/archive-account";
import { resumeArchivals } from "../../src/index";
import { createHarness, type Harness } from "../support/harness";
import { codeOf, coreBalance, failure, fund, newCustomer, openFrom, seedGroups, sumOfBalances } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ poolSize: 10 });
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(() => h.faults.reset());

const deps = () => ({ db: h.db, core: h.core, clock: h.clock });

/** A KYC-approved customer with a REAL USD account holding `balance` and an empty USD wallet. */
async function funded(balance = "250.75") {
  const c = await newCustomer(h, { kycApproved: true });
  const real = await openFrom(c.api, "real-usd");
  const wallet = await openFrom(c.api, "wallet-usd");
  await fund(h, real.login, balance);
  return { ...c, real, wallet };
}

async function archivalsOf(accountId: number) {
  return h.db.accountArchival.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    select: { status: true, amount: true, fallbackAccountId: true, lastError: true },
  });
}

async function coreArchived(login: number) {
  return (await h.core.getAccount(login)).archived;
}

describe("accounts.archive", () => {
  it("moves a REAL account's funds to the fallback wallet, then archives it in the core and the portal", async () => {
    const { api, customer, real, wallet } = await funded();
    const total = await sumOfBalances(h);
    const result = await api.accounts.archive({ accountId: real.id, fallbackId: wallet.id });
    expect(result).toEqual({
      accountId: real.id,
      archivedAt: h.clock.now().toISOString(),
      fallbackId: wallet.id,
      amount: "250.75",
      disposition: "transferred",
    });
    expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login)]).toEqual(["0.00", "250.75"]);
    expect(await coreArchived(real.login)).toBe(true);
    expect(await sumOfBalances(h)).toBe(total);
    expect((await archivalsOf(real.id)).map((a) => [a.status, a.amount.toFixed(2), a.fallbackAccountId])).toEqual([
      ["COMPLETED", "250.75", wallet.id],
    ]);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { customerId: customer.id, kind: "account.archived" } });
    expect(audit.data).toMatchObject({ accountId: real.id, amount: "250.75", disposition: "transferred", fallbackAccountId: wallet.id });
  });

  it("a REAL account with zero balance needs no fallback", async () => {
    const { api, real } = await funded("0.01");
    await h.core.balanceOperation({ idempotencyKey: `empty-${real.id}`, login: real.login, type: "withdrawal", amount: "0.01" });
    expect(await api.accounts.archive({ accountId: real.id })).toMatchObject({ fallbackId: null, amount: "0.00", disposition: "none" });
    expect(await coreArchived(real.login)).toBe(true);
  });

  it("a DEMO account's play money is removed, never moved to any account, with or without a fallbackId", async () => {
    const { api, wallet } = await funded("5.00");
    const demo = await openFrom(api, "demo-usd");
    const others = await h.db.$queryRaw<Array<{ login: bigint; balance: string }>>`
      SELECT login, balance::text AS balance FROM core_sim.accounts WHERE login <> ${demo.login} ORDER BY login`;
    expect(await api.accounts.archive({ accountId: demo.id, fallbackId: wallet.id })).toMatchObject({
      fallbackId: null,
      amount: "10000.00",
      disposition: "removed",
    });
    expect(await coreBalance(h, demo.login)).toBe("0.00");
    expect(
      await h.db.$queryRaw`SELECT login, balance::text AS balance FROM core_sim.accounts WHERE login <> ${demo.login} ORDER BY login`,
    ).toEqual(others);
    const ledger = await h.db.$queryRaw<Array<{ kind: string; amount: string }>>`
      SELECT kind, amount::text AS amount FROM core_sim.ledger WHERE login = ${demo.login} ORDER BY id`;
    expect(ledger).toEqual([
      { kind: "deposit", amount: "10000.00" },
      { kind: "withdrawal", amount: "-10000.00" },
    ]);
    const transfers = await h.db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM core_sim.ledger WHERE counterpart_login = ${demo.login}`;
    expect(transfers[0]?.n).toBe(0n);
    expect(await coreArchived(demo.login)).toBe(true);
  });

  it("a funded REAL account without a valid fallback is 409 FALLBACK_INVALID and nothing changes", async () => {
    const { api, real, wallet } = await funded();
    const eurWallet = await openFrom(api, "wallet-eur");
    const otherReal = await openFrom(api, "real-usd");
    const stranger = await newCustomer(h, { kycApproved: true });
    const strangersWallet = await openFrom(stranger.api, "wallet-usd");
    const cases = [undefined, 2_000_000_000, strangersWallet.id, eurWallet.id, otherReal.id, real.id];
    for (const fallbackId of cases) {
      const error = await failure(api.accounts.archive({ accountId: real.id, fallbackId }));
      expect([error?.code, error?.httpStatus], String(fallbackId)).toEqual(["FALLBACK_INVALID", 409]);
    }
    // Another customer's wallet and an id that does not exist give the same answer.
    expect((await failure(api.accounts.archive({ accountId: real.id, fallbackId: strangersWallet.id })))?.message).toBe(
      (await failure(api.accounts.archive({ accountId: real.id, fallbackId: 2_000_000_000 })))?.message,
    );
    // An archived wallet is no fallback either.
    await api.accounts.archive({ accountId: wallet.id });
    const newWallet = await openFrom(api, "wallet-usd");
    expect(await codeOf(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id }))).toBe("FALLBACK_INVALID");
    expect(await coreBalance(h, real.login)).toBe("250.75");
    expect(await archivalsOf(real.id)).toEqual([]);
    expect(await h.db.account.findUniqueOrThrow({ where: { id: real.id }, select: { archivedAt: true } })).toEqual({ archivedAt: null });
    await api.accounts.archive({ accountId: real.id, fallbackId: newWallet.id });
    expect(await coreBalance(h, newWallet.login)).toBe("250.75");
  });

  it("an archived account is read-only: archive again, rename, transfer and password calls are 409 ACCOUNT_ARCHIVED", async () => {
    const { api, real, wallet } = await funded();
    const spare = await openFrom(api, "real-usd");
    await api.accounts.archive({ accountId: spare.id });
    const error = await failure(api.accounts.archive({ accountId: spare.id }));
    expect([error?.code, error?.httpStatus]).toEqual(["ACCOUNT_ARCHIVED", 409]);
    expect(await codeOf(api.accounts.update({ accountId: spare.id, caption: "Old" }))).toBe("ACCOUNT_ARCHIVED");
    expect(await codeOf(api.accounts.transfer({ fromAccountId: real.id, toAccountId: spare.id, amount: "1", idempotencyKey: "to-archived-1" }))).toBe("ACCOUNT_ARCHIVED");
    expect(await codeOf(api.accounts.passwordWizard.start({ accountId: spare.id, passwordType: "main" }))).toBe("ACCOUNT_ARCHIVED");
    expect(await codeOf(api.accounts.restorePassword({ accountId: spare.id, passwordType: "main" }))).toBe("ACCOUNT_ARCHIVED");
    await expect(api.accounts.get({ accountId: spare.id })).resolves.toMatchObject({ id: spare.id });
    expect(await coreBalance(h, wallet.login)).toBe("0.00");
  });

  it("two archive calls at once record one archival and move the funds once", async () => {
    const { api, real, wallet } = await funded("100.00");
    const total = await sumOfBalances(h);
    const results = await Promise.all([
      codeOf(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id })),
      codeOf(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id })),
    ]);
    // The second either finishes the same archival or finds the account archived already.
    expect([["OK", "OK"], ["ACCOUNT_ARCHIVED", "OK"]]).toContainEqual(results.sort());
    expect(await coreBalance(h, wallet.login)).toBe("100.00");
    expect(await sumOfBalances(h)).toBe(total);
    expect((await archivalsOf(real.id)).map((a) => a.status)).toEqual(["COMPLETED"]);
  });
});

type Fault = "failNext" | "loseNextReply";
type Step = "transfer" | "archiveAccount";
type Resume = "archive again" | "resumeArchivals";

const faultCases: Array<[Fault, Step, Resume, "STARTED" | "FUNDS_MOVED"]> = [];
for (const resume of ["archive again", "resumeArchivals"] as const) {
  faultCases.push(
    ["failNext", "transfer", resume, "STARTED"],
    ["loseNextReply", "transfer", resume, "STARTED"],
    ["failNext", "archiveAccount", resume, "FUNDS_MOVED"],
    ["loseNextReply", "archiveAccount", resume, "FUNDS_MOVED"],
  );
}

describe("archiving under core faults", () => {
  it.each(faultCases)(
    "%s on %s, then %s: archived once, the wallet grew by exactly the amount, the sum of balances unchanged (left %s)",
    async (fault, step, resume, leftAt) => {
      const { api, real, wallet } = await funded("321.09");
      const total = await sumOfBalances(h);
      await h.faults[fault](step, 1);
      const error = await failure(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id }));
      expect([error?.code, error?.httpStatus]).toEqual(["CORE_NOT_AVAILABLE", 500]);
      expect((await archivalsOf(real.id)).map((a) => a.status)).toEqual([leftAt]);
      expect((await api.accounts.get({ accountId: real.id })).archivedAt).toBeNull();
      // While the archival is under way the account's money is frozen.
      expect(await codeOf(api.accounts.transfer({ fromAccountId: real.id, toAccountId: wallet.id, amount: "1", idempotencyKey: "frozen-0001" }))).toBe(
        "ACCOUNT_ARCHIVED",
      );
      expect(await sumOfBalances(h)).toBe(total);

      if (resume === "archive again") {
        // Finished as first asked: the fallback recorded at the start, whatever the repeat names.
        await expect(api.accounts.archive({ accountId: real.id })).resolves.toMatchObject({ fallbackId: wallet.id, amount: "321.09" });
      } else {
        h.clock.advance(60_000);
        expect(await resumeArchivals(deps())).toEqual({ completed: 1, abandoned: 0, failures: 0 });
      }
      expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login)]).toEqual(["0.00", "321.09"]);
      expect(await sumOfBalances(h)).toBe(total);
      expect(await coreArchived(real.login)).toBe(true);
      expect((await api.accounts.get({ accountId: real.id })).archivedAt).not.toBeNull();
      expect((await archivalsOf(real.id)).map((a) => a.status)).toEqual(["COMPLETED"]);
      // Further retries change nothing.
      expect(await codeOf(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id }))).toBe("ACCOUNT_ARCHIVED");
      h.clock.advance(60_000);
      expect(await resumeArchivals(deps())).toEqual({ completed: 0, abandoned: 0, failures: 0 });
      expect(await coreBalance(h, wallet.login)).toBe("321.09");
      expect(await h.db.$queryRaw`SELECT count(*)::int AS n FROM core_sim.ledger WHERE login = ${wallet.login}`).toEqual([{ n: 1 }]);
    },
  );

  it("a process killed between the transfer and recording it: the replay with the archival's key moves nothing twice", async () => {
    const { customer, real, wallet } = await funded("42.00");
    const total = await sumOfBalances(h);
    // What the request had done before dying: the archival recorded, the transfer applied.
    const archival = await h.db.accountArchival.create({
      data: { accountId: real.id, fallbackAccountId: wallet.id, amount: "42.00", createdAt: h.clock.now() },
    });
    await h.core.transfer({
      idempotencyKey: archivalTransferKey(archival.id),
      fromLogin: real.login,
      toLogin: wallet.login,
      amount: "42.00",
      comment: `Archiving account ${real.login}`,
    });
    // Too recent for the recovery job: it may still be in flight.
    expect(await resumeArchivals(deps())).toEqual({ completed: 0, abandoned: 0, failures: 0 });
    h.clock.advance(60_000);
    expect(await resumeArchivals(deps())).toEqual({ completed: 1, abandoned: 0, failures: 0 });
    expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login)]).toEqual(["0.00", "42.00"]);
    expect(await sumOfBalances(h)).toBe(total);
    expect(await coreArchived(real.login)).toBe(true);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { customerId: customer.id, kind: "account.archived" } });
    expect(audit.userAgent).toBe("archival-recovery");
  });

  it("a core down for a while: recovery fails without harm, then finishes once the core is back", async () => {
    const { api, real, wallet } = await funded("9.99");
    const total = await sumOfBalances(h);
    await h.faults.setUnavailable(true);
    expect(await codeOf(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id }))).toBe("CORE_NOT_AVAILABLE");
    // The balance could not be read: nothing was recorded.
    expect(await archivalsOf(real.id)).toEqual([]);
    await h.faults.setUnavailable(false);
    await h.faults.failNext("archiveAccount", 5);
    expect(await codeOf(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id }))).toBe("CORE_NOT_AVAILABLE");
    h.clock.advance(60_000);
    await h.faults.setUnavailable(true);
    expect(await resumeArchivals(deps())).toEqual({ completed: 0, abandoned: 0, failures: 1 });
    await h.faults.reset();
    expect(await resumeArchivals(deps())).toEqual({ completed: 1, abandoned: 0, failures: 0 });
    expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login), await sumOfBalances(h)]).toEqual(["0.00", "9.99", total]);
  });

  it("money that arrives after the funds moved is moved too: the stale archival is abandoned and a new one finishes", async () => {
    const { api, real, wallet } = await funded("100.00");
    await h.faults.failNext("archiveAccount", 1);
    expect(await codeOf(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id }))).toBe("CORE_NOT_AVAILABLE");
    // A deposit from outside the portal lands between the move and the archive.
    await fund(h, real.login, "7.50");
    const total = await sumOfBalances(h);
    await expect(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id })).resolves.toMatchObject({ amount: "7.50" });
    expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login)]).toEqual(["0.00", "107.50"]);
    expect(await sumOfBalances(h)).toBe(total);
    expect((await archivalsOf(real.id)).map((a) => [a.status, a.amount.toFixed(2), a.lastError])).toEqual([
      ["FAILED", "100.00", "archive:balance_not_zero"],
      ["COMPLETED", "7.50", null],
    ]);
  });

  it("the recovery job abandons an archival the core refuses, moving nothing", async () => {
    const { api, real, wallet } = await funded("60.00");
    await h.faults.failNext("transfer", 1);
    expect(await codeOf(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id }))).toBe("CORE_NOT_AVAILABLE");
    // The balance dropped below the recorded amount (a withdrawal outside the portal).
    await h.core.balanceOperation({ idempotencyKey: `outside-${real.id}`, login: real.login, type: "withdrawal", amount: "10.00" });
    h.clock.advance(60_000);
    expect(await resumeArchivals(deps())).toEqual({ completed: 0, abandoned: 1, failures: 0 });
    expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login)]).toEqual(["50.00", "0.00"]);
    expect((await archivalsOf(real.id)).map((a) => [a.status, a.lastError])).toEqual([["FAILED", "move:insufficient_funds"]]);
    // The customer archives again, with the balance read afresh.
    await expect(api.accounts.archive({ accountId: real.id, fallbackId: wallet.id })).resolves.toMatchObject({ amount: "50.00" });
    expect(await coreBalance(h, wallet.login)).toBe("50.00");
  });

  it("a DEMO archive whose withdrawal reply was lost removes the play money once", async () => {
    const { api } = await newCustomer(h);
    const demo = await openFrom(api, "demo-usd", { startAmount: "300.00" });
    await h.faults.loseNextReply("balanceOperation", 1);
    expect(await codeOf(api.accounts.archive({ accountId: demo.id }))).toBe("CORE_NOT_AVAILABLE");
    await expect(api.accounts.archive({ accountId: demo.id })).resolves.toMatchObject({ amount: "300.00", disposition: "removed" });
    const ledger = await h.db.$queryRaw`SELECT kind, amount::text AS amount FROM core_sim.ledger WHERE login = ${demo.login} ORDER BY id`;
    expect(ledger).toEqual([
      { kind: "deposit", amount: "300.00" },
      { kind: "withdrawal", amount: "-300.00" },
    ]);
  });
});
