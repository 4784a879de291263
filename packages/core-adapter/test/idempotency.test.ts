import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreRejectedError, InsufficientFundsError } from "../src/index";
import type { SimulatorHandle } from "../src/simulator/index";
import {
  accountInput,
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
  sim = db.open({ poolSize: 8 });
});
afterAll(() => db?.close());

const ledgerRows = (login: number) =>
  count(db.sql, "SELECT 1 FROM core_sim.ledger WHERE login = $1", [login]);

function expectConflict(error: unknown) {
  expect(error).toBeInstanceOf(CoreRejectedError);
  expect(error).toMatchObject({ kind: "rejected", reason: "idempotency_conflict" });
}

describe("balanceOperation", () => {
  it("answers a repeat with the first result and moves the money once", async () => {
    const login = await openAccount(sim.core);
    const request = {
      idempotencyKey: newKey(),
      login,
      type: "deposit" as const,
      amount: "150.00",
      comment: "bonus",
    };
    const first = await sim.core.balanceOperation(request);
    const second = await sim.core.balanceOperation({ ...request });
    expect(second).toEqual(first);
    expect(first.balance).toBe("150.00");
    expect(await balanceOf(db.sql, login)).toBe("150.00");
    expect(await ledgerRows(login)).toBe(1);
  });

  it("treats 150 and 150.00 as the same request", async () => {
    const login = await openAccount(sim.core);
    const key = newKey();
    const first = await sim.core.balanceOperation({
      idempotencyKey: key,
      login,
      type: "deposit",
      amount: "150",
    });
    expect(
      await sim.core.balanceOperation({
        idempotencyKey: key,
        login,
        type: "deposit",
        amount: "150.00",
      }),
    ).toEqual(first);
    expect(await balanceOf(db.sql, login)).toBe("150.00");
  });

  it("refuses the same key with a different amount, type, account or operation", async () => {
    const login = await openAccount(sim.core, "500.00");
    const other = await openAccount(sim.core);
    const key = newKey();
    await sim.core.balanceOperation({
      idempotencyKey: key,
      login,
      type: "deposit",
      amount: "10.00",
    });
    expectConflict(
      await rejectionOf(
        sim.core.balanceOperation({ idempotencyKey: key, login, type: "deposit", amount: "11.00" }),
      ),
    );
    expectConflict(
      await rejectionOf(
        sim.core.balanceOperation({
          idempotencyKey: key,
          login,
          type: "withdrawal",
          amount: "10.00",
        }),
      ),
    );
    expectConflict(
      await rejectionOf(
        sim.core.balanceOperation({
          idempotencyKey: key,
          login: other,
          type: "deposit",
          amount: "10.00",
        }),
      ),
    );
    expectConflict(
      await rejectionOf(
        sim.core.balanceOperation({
          idempotencyKey: key,
          login,
          type: "deposit",
          amount: "10.00",
          comment: "x",
        }),
      ),
    );
    expectConflict(
      await rejectionOf(
        sim.core.transfer({
          idempotencyKey: key,
          fromLogin: login,
          toLogin: other,
          amount: "10.00",
        }),
      ),
    );
    expect(await balanceOf(db.sql, login)).toBe("510.00");
    expect(await balanceOf(db.sql, other)).toBe("0.00");
  });

  it("does not remember a refused request: the retry is judged afresh", async () => {
    const login = await openAccount(sim.core, "5.00");
    const request = {
      idempotencyKey: newKey(),
      login,
      type: "withdrawal" as const,
      amount: "20.00",
    };
    expect(await rejectionOf(sim.core.balanceOperation(request))).toBeInstanceOf(
      InsufficientFundsError,
    );
    await sim.core.balanceOperation({
      idempotencyKey: newKey(),
      login,
      type: "deposit",
      amount: "15.00",
    });
    expect((await sim.core.balanceOperation(request)).balance).toBe("0.00");
  });
});

describe("transfer", () => {
  it("answers a repeat with the first result and moves the money once", async () => {
    const from = await openAccount(sim.core, "100.00");
    const to = await openAccount(sim.core);
    const request = { idempotencyKey: newKey(), fromLogin: from, toLogin: to, amount: "40.00" };
    const first = await sim.core.transfer(request);
    expect(first).toMatchObject({ fromBalance: "60.00", toBalance: "40.00" });
    expect(await sim.core.transfer({ ...request })).toEqual(first);
    expect(await balanceOf(db.sql, from)).toBe("60.00");
    expect(await balanceOf(db.sql, to)).toBe("40.00");
    expectConflict(
      await rejectionOf(sim.core.transfer({ ...request, fromLogin: to, toLogin: from })),
    );
  });

  it("moves the money exactly once for 20 concurrent calls with one key", async () => {
    const from = await openAccount(sim.core, "1000.00");
    const to = await openAccount(sim.core);
    const request = { idempotencyKey: newKey(), fromLogin: from, toLogin: to, amount: "30.00" };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sim.core.transfer({ ...request })),
    );
    expect(new Set(results.map((r) => r.operationId)).size).toBe(1);
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await balanceOf(db.sql, from)).toBe("970.00");
    expect(await balanceOf(db.sql, to)).toBe("30.00");
    expect(
      await count(db.sql, "SELECT 1 FROM core_sim.ledger WHERE operation_id = $1", [
        results[0]!.operationId,
      ]),
    ).toBe(2);
  });
});

describe("createAccount", () => {
  it("opens one account for a repeated or concurrent key", async () => {
    const input = accountInput({ passwords: { main: "first-main-1", investor: "first-inv-1" } });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => sim.core.createAccount({ ...input })),
    );
    expect(new Set(results.map((r) => r.login)).size).toBe(1);
    expect(await sim.core.createAccount({ ...input })).toEqual(results[0]);
    expect(
      await count(db.sql, "SELECT 1 FROM core_sim.idempotency_keys WHERE key = $1", [
        input.idempotencyKey,
      ]),
    ).toBe(1);
    const accounts = await count(db.sql, "SELECT 1 FROM core_sim.accounts WHERE login >= $1", [
      results[0]!.login,
    ]);
    expect(accounts).toBe(1);
  });

  it("refuses the same key with other account data or other passwords", async () => {
    const input = accountInput();
    await sim.core.createAccount(input);
    expectConflict(await rejectionOf(sim.core.createAccount({ ...input, name: "Somebody Else" })));
    expectConflict(await rejectionOf(sim.core.createAccount({ ...input, currency: "EUR" })));
    expectConflict(
      await rejectionOf(
        sim.core.createAccount({ ...input, passwords: { main: "another-main-1" } }),
      ),
    );
    expectConflict(
      await rejectionOf(
        sim.core.createAccount({
          ...input,
          passwords: { main: input.passwords.main, investor: "inv-pass-1" },
        }),
      ),
    );
  });
});
