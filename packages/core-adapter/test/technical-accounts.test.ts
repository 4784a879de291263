import { afterAll, beforeAll, expect, it } from "vitest";
import { CoreRejectedError, InsufficientFundsError } from "../src/index";
import type { SimulatorHandle } from "../src/simulator/index";
import {
  accountInput,
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

it("lets a technical (overdraft) account go below zero, and only it", async () => {
  const house = await openAccount(sim.core, undefined, { group: "house\\USD", overdraft: true });
  const customer = await openAccount(sim.core, undefined, {});
  const paid = await sim.core.transfer({ idempotencyKey: newKey(), fromLogin: house, toLogin: customer, amount: "125.50" });
  expect(paid).toMatchObject({ fromBalance: "-125.50", toBalance: "125.50" });

  const refused = await rejectionOf(
    sim.core.transfer({ idempotencyKey: newKey(), fromLogin: customer, toLogin: house, amount: "125.51" }),
  );
  expect(refused).toBeInstanceOf(InsufficientFundsError);
  expect((await sim.core.getAccount(customer)).balance).toBe("125.50");

  // The ledger still sums to every balance, the negative one included.
  const { rows } = await db.sql.query(
    `SELECT a.login FROM core_sim.accounts a
       LEFT JOIN (SELECT login, sum(amount) AS total FROM core_sim.ledger GROUP BY login) l USING (login)
      WHERE a.balance <> COALESCE(l.total, 0)`,
  );
  expect(rows).toEqual([]);
});

it("refuses an overdraft flag that is not a boolean, and binds it to the idempotency key", async () => {
  const odd = await rejectionOf(sim.core.createAccount({ ...accountInput(), overdraft: "yes" as unknown as boolean }));
  expect(odd).toBeInstanceOf(CoreRejectedError);
  const input = accountInput();
  await sim.core.createAccount(input);
  const conflict = await rejectionOf(sim.core.createAccount({ ...input, overdraft: true }));
  expect(conflict).toMatchObject({ reason: "idempotency_conflict" });
});

it("reads many accounts in one call, leaving out unknown logins", async () => {
  const a = await openAccount(sim.core, "10.00");
  const b = await openAccount(sim.core, "20.00", { currency: "EUR" });
  const accounts = await sim.core.getAccounts([b, 999_999_999, a]);
  expect(accounts.map((x) => [x.login, x.balance, x.currency])).toEqual([
    [a, "10.00", "USD"],
    [b, "20.00", "EUR"],
  ]);
  expect(await sim.core.getAccounts([])).toEqual([]);
  expect(await rejectionOf(sim.core.getAccounts(Array.from({ length: 501 }, (_, i) => i + 1)))).toBeInstanceOf(CoreRejectedError);
  expect(await rejectionOf(sim.core.getAccounts([-1]))).toMatchObject({ kind: "not_found" });
});

it("fails getAccounts on demand like every other operation", async () => {
  const a = await openAccount(sim.core);
  await sim.faults.failNext("getAccounts", 1);
  expect(await rejectionOf(sim.core.getAccounts([a]))).toMatchObject({ kind: "unavailable" });
  expect(await sim.core.getAccounts([a])).toHaveLength(1);
});
