import { afterAll, beforeAll, expect, it } from "vitest";
import {
  accountInput,
  createSimulatorDatabase,
  newKey,
  type SimulatorDatabase,
} from "./simulator-database";

let db: SimulatorDatabase;
beforeAll(async () => {
  db = await createSimulatorDatabase();
});
afterAll(() => db?.close());

it("keeps accounts, balances, passwords, results and the login sequence across a restart", async () => {
  const first = db.open();
  const a = await first.core.createAccount(accountInput({ passwords: { main: "alpha-main-1" } }));
  const b = await first.core.createAccount(accountInput());
  expect([a.login, b.login]).toEqual([100001, 100002]);
  const depositKey = newKey();
  const deposit = await first.core.balanceOperation({
    idempotencyKey: depositKey,
    login: a.login,
    type: "deposit",
    amount: "1000.50",
  });
  await first.core.transfer({
    idempotencyKey: newKey(),
    fromLogin: a.login,
    toLogin: b.login,
    amount: "200.25",
  });
  await first.core.balanceOperation({
    idempotencyKey: newKey(),
    login: b.login,
    type: "withdrawal",
    amount: "0.25",
  });
  await first.close();

  const second = db.open();
  expect(await second.core.getAccount(a.login)).toMatchObject({
    login: 100001,
    balance: "800.25",
    archived: false,
  });
  expect(await second.core.getAccount(b.login)).toMatchObject({ login: 100002, balance: "200.00" });
  expect(
    await second.core.checkPassword({ login: a.login, type: "main", password: "alpha-main-1" }),
  ).toBe(true);
  // The portal's retry after a restart still gets the first answer, and no second deposit.
  expect(
    await second.core.balanceOperation({
      idempotencyKey: depositKey,
      login: a.login,
      type: "deposit",
      amount: "1000.50",
    }),
  ).toEqual(deposit);
  expect((await second.core.getAccount(a.login)).balance).toBe("800.25");

  const c = await second.core.createAccount(accountInput());
  expect(c.login).toBe(100003);
});
