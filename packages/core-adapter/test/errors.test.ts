import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CoreError,
  CoreNotFoundError,
  CoreRejectedError,
  CoreUnavailableError,
  InsufficientFundsError,
  isCoreError,
  type CoreRejectReason,
} from "../src/index";
import type { SimulatorHandle } from "../src/simulator/index";
import {
  balanceOf,
  count,
  createSimulatorDatabase,
  newKey,
  openAccount,
  rejectionOf,
  type SimulatorDatabase,
} from "./simulator-database";

let db: SimulatorDatabase;
let sim: SimulatorHandle;
beforeAll(async () => {
  db = await createSimulatorDatabase();
  sim = db.open();
});
afterAll(() => db?.close());

function expectRejected(error: unknown, reason: CoreRejectReason) {
  expect(error).toBeInstanceOf(CoreRejectedError);
  expect(error).toMatchObject({ kind: "rejected", reason });
}

const ledgerRows = (login: number) =>
  count(db.sql, "SELECT 1 FROM core_sim.ledger WHERE login = $1", [login]);

describe("error types", () => {
  it("are CoreErrors with a kind, told apart by isCoreError", () => {
    const errors = [
      new CoreUnavailableError("timeout"),
      new CoreNotFoundError(1),
      new InsufficientFundsError(1, "0.00", "1.00"),
      new CoreRejectedError("same_account"),
    ];
    expect(errors.map((e) => e.kind)).toEqual([
      "unavailable",
      "not_found",
      "insufficient_funds",
      "rejected",
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(CoreError);
      expect(error).toBeInstanceOf(Error);
      expect(isCoreError(error)).toBe(true);
    }
    expect(isCoreError(new Error("boom"))).toBe(false);
    expect(isCoreError({ kind: "unavailable" })).toBe(false);
  });
});

describe("not found", () => {
  it("for reads, money movements and archiving of a login that does not exist", async () => {
    const login = await openAccount(sim.core, "10.00");
    const missing = 999_999;
    const cases = [
      () => sim.core.getAccount(missing),
      () => sim.core.getAccount(-5),
      () =>
        sim.core.balanceOperation({
          idempotencyKey: newKey(),
          login: missing,
          type: "deposit",
          amount: "1.00",
        }),
      () =>
        sim.core.transfer({
          idempotencyKey: newKey(),
          fromLogin: login,
          toLogin: missing,
          amount: "1.00",
        }),
      () =>
        sim.core.transfer({
          idempotencyKey: newKey(),
          fromLogin: missing,
          toLogin: login,
          amount: "1.00",
        }),
      () => sim.core.archiveAccount({ login: missing }),
    ];
    for (const call of cases) {
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(CoreNotFoundError);
      expect(error).toMatchObject({ kind: "not_found" });
    }
    expect(await balanceOf(db.sql, login)).toBe("10.00");
  });
});

describe("insufficient funds", () => {
  it("refuses a withdrawal beyond the balance and changes nothing", async () => {
    const login = await openAccount(sim.core, "10.00");
    const error = await rejectionOf(
      sim.core.balanceOperation({
        idempotencyKey: newKey(),
        login,
        type: "withdrawal",
        amount: "10.01",
      }),
    );
    expect(error).toBeInstanceOf(InsufficientFundsError);
    expect(error).toMatchObject({
      kind: "insufficient_funds",
      login,
      balance: "10.00",
      requested: "10.01",
    });
    expect(await balanceOf(db.sql, login)).toBe("10.00");
    expect(await ledgerRows(login)).toBe(1);
    // Exactly the balance is fine.
    expect(
      (
        await sim.core.balanceOperation({
          idempotencyKey: newKey(),
          login,
          type: "withdrawal",
          amount: "10.00",
        })
      ).balance,
    ).toBe("0.00");
  });

  it("refuses a transfer beyond the balance and changes neither side", async () => {
    const from = await openAccount(sim.core, "3.00");
    const to = await openAccount(sim.core, "1.00");
    const error = await rejectionOf(
      sim.core.transfer({ idempotencyKey: newKey(), fromLogin: from, toLogin: to, amount: "3.50" }),
    );
    expect(error).toBeInstanceOf(InsufficientFundsError);
    expect([await balanceOf(db.sql, from), await balanceOf(db.sql, to)]).toEqual(["3.00", "1.00"]);
    expect([await ledgerRows(from), await ledgerRows(to)]).toEqual([1, 1]);
  });
});

describe("refusals", () => {
  it("currency_mismatch between a USD and an EUR account", async () => {
    const usd = await openAccount(sim.core, "10.00");
    const eur = await openAccount(sim.core, "10.00", { currency: "EUR" });
    expectRejected(
      await rejectionOf(
        sim.core.transfer({
          idempotencyKey: newKey(),
          fromLogin: usd,
          toLogin: eur,
          amount: "1.00",
        }),
      ),
      "currency_mismatch",
    );
    expect([await balanceOf(db.sql, usd), await balanceOf(db.sql, eur)]).toEqual([
      "10.00",
      "10.00",
    ]);
  });

  it("same_account for a transfer to itself", async () => {
    const login = await openAccount(sim.core, "10.00");
    expectRejected(
      await rejectionOf(
        sim.core.transfer({
          idempotencyKey: newKey(),
          fromLogin: login,
          toLogin: login,
          amount: "1.00",
        }),
      ),
      "same_account",
    );
  });

  it.each([
    "0",
    "0.00",
    "-5.00",
    "1.001",
    "abc",
    "1e3",
    "",
    " 1.00",
    "1,00",
    "12345678901234567890.00",
  ])("invalid_amount for %j, before anything changes", async (amount) => {
    const login = await openAccount(sim.core, "10.00");
    const other = await openAccount(sim.core);
    expectRejected(
      await rejectionOf(
        sim.core.balanceOperation({ idempotencyKey: newKey(), login, type: "deposit", amount }),
      ),
      "invalid_amount",
    );
    expectRejected(
      await rejectionOf(
        sim.core.balanceOperation({ idempotencyKey: newKey(), login, type: "withdrawal", amount }),
      ),
      "invalid_amount",
    );
    expectRejected(
      await rejectionOf(
        sim.core.transfer({ idempotencyKey: newKey(), fromLogin: login, toLogin: other, amount }),
      ),
      "invalid_amount",
    );
    expect(await balanceOf(db.sql, login)).toBe("10.00");
  });

  it("account_archived: an archived account refuses money and password changes", async () => {
    const archived = await openAccount(sim.core);
    const open = await openAccount(sim.core, "10.00");
    await sim.core.archiveAccount({ login: archived });
    await sim.core.archiveAccount({ login: archived }); // archiving again is a success
    expect(await sim.core.getAccount(archived)).toMatchObject({ archived: true, balance: "0.00" });
    const refusals = [
      () =>
        sim.core.balanceOperation({
          idempotencyKey: newKey(),
          login: archived,
          type: "deposit",
          amount: "1.00",
        }),
      () =>
        sim.core.transfer({
          idempotencyKey: newKey(),
          fromLogin: open,
          toLogin: archived,
          amount: "1.00",
        }),
      () =>
        sim.core.transfer({
          idempotencyKey: newKey(),
          fromLogin: archived,
          toLogin: open,
          amount: "1.00",
        }),
      () => sim.core.setPassword({ login: archived, type: "main", password: "New-pass-123" }),
      () => sim.core.checkPassword({ login: archived, type: "main", password: "Main-pass-1" }),
    ];
    for (const call of refusals) expectRejected(await rejectionOf(call()), "account_archived");
    expect([await balanceOf(db.sql, archived), await balanceOf(db.sql, open)]).toEqual([
      "0.00",
      "10.00",
    ]);
  });

  it("balance_not_zero: archiving an account with funds is refused until they are moved", async () => {
    const login = await openAccount(sim.core, "25.00");
    const wallet = await openAccount(sim.core);
    expectRejected(await rejectionOf(sim.core.archiveAccount({ login })), "balance_not_zero");
    expect(await sim.core.getAccount(login)).toMatchObject({ archived: false, balance: "25.00" });
    await sim.core.transfer({
      idempotencyKey: newKey(),
      fromLogin: login,
      toLogin: wallet,
      amount: "25.00",
    });
    await sim.core.archiveAccount({ login });
    expect(await sim.core.getAccount(login)).toMatchObject({ archived: true });
  });

  it("account_disabled: a disabled account takes no money movements", async () => {
    const login = await openAccount(sim.core, "10.00");
    const other = await openAccount(sim.core, "10.00");
    // The interface cannot disable an account; a core's back office can.
    await db.sql.query("UPDATE core_sim.accounts SET enabled = FALSE WHERE login = $1", [login]);
    expect(await sim.core.getAccount(login)).toMatchObject({ enabled: false });
    expectRejected(
      await rejectionOf(
        sim.core.balanceOperation({
          idempotencyKey: newKey(),
          login,
          type: "deposit",
          amount: "1.00",
        }),
      ),
      "account_disabled",
    );
    expectRejected(
      await rejectionOf(
        sim.core.transfer({
          idempotencyKey: newKey(),
          fromLogin: other,
          toLogin: login,
          amount: "1.00",
        }),
      ),
      "account_disabled",
    );
    expect([await balanceOf(db.sql, login), await balanceOf(db.sql, other)]).toEqual([
      "10.00",
      "10.00",
    ]);
  });
});
