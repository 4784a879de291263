import { afterAll, beforeAll, expect, it } from "vitest";
import { InsufficientFundsError, isCoreError } from "../src/index";
import type { SimulatorHandle } from "../src/simulator/index";
import {
  createSimulatorDatabase,
  newKey,
  openAccount,
  type SimulatorDatabase,
} from "./simulator-database";

let db: SimulatorDatabase;
let sim: SimulatorHandle;
beforeAll(async () => {
  db = await createSimulatorDatabase();
  sim = db.open({ poolSize: 6 });
});
afterAll(() => db?.close());

/** mulberry32: a small seeded PRNG, so a failing run can be replayed exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Cents as bigint in the model, decimal strings on the wire.
const toAmount = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;

interface Totals {
  deposits: bigint;
  withdrawals: bigint;
}

async function checkLedgerInSql(expectedTotal: bigint, totals: Totals) {
  const mismatched = await db.sql.query(
    `SELECT a.login, a.balance, COALESCE(l.total, 0) AS ledger_total
       FROM core_sim.accounts a
       LEFT JOIN (SELECT login, sum(amount) AS total FROM core_sim.ledger GROUP BY login) l USING (login)
      WHERE a.balance <> COALESCE(l.total, 0)`,
  );
  expect(mismatched.rows).toEqual([]);
  const negative = await db.sql.query("SELECT login FROM core_sim.accounts WHERE balance < 0");
  expect(negative.rows).toEqual([]);
  const unbalancedTransfers = await db.sql.query(
    `SELECT operation_id FROM core_sim.ledger WHERE kind IN ('transfer_in', 'transfer_out')
      GROUP BY operation_id HAVING count(*) <> 2 OR sum(amount) <> 0`,
  );
  expect(unbalancedTransfers.rows).toEqual([]);
  const { rows } = await db.sql.query<{ balances: string; deposits: string; withdrawals: string }>(
    `SELECT (SELECT sum(balance) FROM core_sim.accounts)::text AS balances,
            (SELECT COALESCE(sum(amount), 0) FROM core_sim.ledger WHERE kind = 'deposit')::text AS deposits,
            (SELECT COALESCE(-sum(amount), 0) FROM core_sim.ledger WHERE kind = 'withdrawal')::text AS withdrawals`,
  );
  const sums = rows[0]!;
  expect(sums.deposits).toBe(toAmount(totals.deposits));
  expect(sums.withdrawals).toBe(toAmount(totals.withdrawals));
  expect(sums.balances).toBe(toAmount(expectedTotal));
  expect(expectedTotal).toBe(totals.deposits - totals.withdrawals);
}

it("keeps balance = sum(ledger) through 200 random operations, refusing overdrafts", async () => {
  const random = prng(20261123);
  const logins = await Promise.all(Array.from({ length: 6 }, () => openAccount(sim.core)));
  const model = new Map(logins.map((login) => [login, 0n]));
  const totals: Totals = { deposits: 0n, withdrawals: 0n };
  const pick = () => logins[Math.floor(random() * logins.length)]!;
  const cents = (max: number) => BigInt(1 + Math.floor(random() * max));
  const outcomes = { ok: 0, insufficient: 0 };

  for (let i = 0; i < 200; i++) {
    const roll = random();
    if (roll < 0.35) {
      const login = pick();
      const amount = cents(50_000);
      const result = await sim.core.balanceOperation({
        idempotencyKey: newKey(),
        login,
        type: "deposit",
        amount: toAmount(amount),
      });
      model.set(login, model.get(login)! + amount);
      totals.deposits += amount;
      expect(result.balance).toBe(toAmount(model.get(login)!));
      outcomes.ok++;
      continue;
    }
    const amount = cents(60_000);
    const from = pick();
    let to = pick();
    while (to === from) to = pick();
    const call =
      roll < 0.65
        ? sim.core.balanceOperation({
            idempotencyKey: newKey(),
            login: from,
            type: "withdrawal",
            amount: toAmount(amount),
          })
        : sim.core.transfer({
            idempotencyKey: newKey(),
            fromLogin: from,
            toLogin: to,
            amount: toAmount(amount),
          });
    const covered = model.get(from)! >= amount;
    try {
      await call;
      expect(covered).toBe(true);
      model.set(from, model.get(from)! - amount);
      if (roll < 0.65) totals.withdrawals += amount;
      else model.set(to, model.get(to)! + amount);
      outcomes.ok++;
    } catch (error) {
      expect(error).toBeInstanceOf(InsufficientFundsError);
      expect(covered).toBe(false);
      outcomes.insufficient++;
    }
  }
  // The seed must exercise both paths, or the test proves less than it claims.
  expect(outcomes.insufficient).toBeGreaterThan(10);
  expect(outcomes.ok).toBeGreaterThan(100);

  for (const [login, balance] of model)
    expect((await sim.core.getAccount(login)).balance).toBe(toAmount(balance));
  const total = [...model.values()].reduce((a, b) => a + b, 0n);
  await checkLedgerInSql(total, totals);

  // Concurrent transfers in both directions between the same accounts: row locks taken
  // in login order must neither deadlock nor lose or make money.
  const concurrent = await Promise.allSettled(
    Array.from({ length: 60 }, () => {
      const from = pick();
      let to = pick();
      while (to === from) to = pick();
      return sim.core.transfer({
        idempotencyKey: newKey(),
        fromLogin: from,
        toLogin: to,
        amount: toAmount(cents(20_000)),
      });
    }),
  );
  for (const outcome of concurrent) {
    if (outcome.status === "rejected")
      expect(outcome.reason).toBeInstanceOf(InsufficientFundsError);
  }
  expect(concurrent.some((o) => o.status === "fulfilled")).toBe(true);
  expect(concurrent.every((o) => o.status === "fulfilled" || isCoreError(o.reason))).toBe(true);
  await checkLedgerInSql(total, totals);
});
