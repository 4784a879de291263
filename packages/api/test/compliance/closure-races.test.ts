// Issue 17: closures are serialised per customer with the money operations. Two closures at
// once: one closes, the other answers 401 INVALID_CUSTOMER_SESSION. A deposit racing a
// closure is either recorded before the closure's checks (which then refuse with
// CLOSURE_OPERATIONS_PENDING) or refused after the closure; never a closed customer with a
// new money operation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeposit } from "../../src/deposits/create-deposit";
import { getDomainError } from "../../src/errors";
import { lockCustomerMoney } from "../../src/money/customer-lock";
import { newCustomer, openFrom, seedGroups } from "../accounts/fixtures";
import { key } from "../money/fixtures";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ poolSize: 12 });
  await seedGroups(h);
});
afterAll(() => h.close());

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === "fulfilled" ? "OK" : (getDomainError(r.reason)?.code ?? String(r.reason)));

describe("closing the relationship, serialised", () => {
  it("four closures at once: one closes, the others answer INVALID_CUSTOMER_SESSION; one audit event, one e-mail", async () => {
    const me = await newCustomer(h, { kycApproved: true });
    await openFrom(me.api, "wallet-usd");
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => me.api.customerData.close({ confirm: true })));
    expect(results.map(codeOf).sort()).toEqual(["INVALID_CUSTOMER_SESSION", "INVALID_CUSTOMER_SESSION", "INVALID_CUSTOMER_SESSION", "OK"]);
    expect(await h.db.auditEvent.count({ where: { customerId: me.customer.id, kind: "customer.closed" } })).toBe(1);
    expect(await h.db.message.count({ where: { customerId: me.customer.id, template: "relationship-closed" } })).toBe(1);
  });

  it("a deposit that reaches its start after the closure took the lock is refused and records nothing", async () => {
    const me = await newCustomer(h, { kycApproved: true });
    const wallet = await openFrom(me.api, "wallet-usd");
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    // Plays the closure: holds the customer's lock, closes, commits.
    const closure = h.db.$transaction(
      async (tx) => {
        await lockCustomerMoney(tx, me.customer.id);
        locked();
        await released;
        await tx.customer.update({ where: { id: me.customer.id }, data: { closedAt: h.clock.now() } });
      },
      { timeout: 120_000 },
    );
    await lockHeld;
    const deps = { db: h.db, clock: h.clock, payments: h.payments, rateLimits: h.rateLimits };
    const deposit = createDeposit(deps, { customerId: me.customer.id, accountId: wallet.id, amount: "50.00", idempotencyKey: key("race") }, { requestId: "t", ip: null, userAgent: null }).then(
      () => "OK",
      (e: unknown) => getDomainError(e)?.code ?? String(e),
    );
    // The deposit has passed its checks and waits for the lock (not a fixed sleep: a busy machine is slow).
    await expect
      .poll(async () => (await h.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)[0]!.n, { timeout: 60_000 })
      .toBeGreaterThan(0);
    release();
    await closure;
    expect(await deposit).toBe("INVALID_CUSTOMER_SESSION");
    expect(await h.db.deposit.count({ where: { customerId: me.customer.id } })).toBe(0);
    expect(await h.db.moneyMovement.count({ where: { customerId: me.customer.id } })).toBe(0);
  });

  it("closure and deposit at once, many times: either the deposit is recorded and the closure refused, or the closure wins and no deposit exists", async () => {
    for (let round = 0; round < 5; round++) {
      const me = await newCustomer(h, { kycApproved: true });
      const wallet = await openFrom(me.api, "wallet-usd");
      const [closed, deposited] = await Promise.allSettled([
        me.api.customerData.close({ confirm: true }),
        me.api.deposits.create({ accountId: wallet.id, amount: "50.00", idempotencyKey: key("race") }),
      ]);
      const customer = await h.db.customer.findUniqueOrThrow({ where: { id: me.customer.id }, select: { closedAt: true } });
      const deposits = await h.db.deposit.count({ where: { customerId: me.customer.id } });
      const outcome = `${codeOf(closed)}/${codeOf(deposited)}`;
      if (customer.closedAt) {
        expect(codeOf(closed), outcome).toBe("OK");
        expect(deposits, outcome).toBe(0);
        // Refused at its start (closed), or before it (its session or account already gone).
        expect(["INVALID_CUSTOMER_SESSION", "ACCOUNT_ARCHIVED"], outcome).toContain(codeOf(deposited));
      } else {
        expect(codeOf(closed), outcome).toBe("CLOSURE_OPERATIONS_PENDING");
        expect(codeOf(deposited), outcome).toBe("OK");
        expect(deposits, outcome).toBe(1);
      }
    }
  });
});
