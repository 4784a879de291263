import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CoreUnavailableError } from "../src/index";
import { createSimulatorCore, type SimulatorHandle } from "../src/simulator/index";
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
  // The default timeout (10 s): the calls here must not time out on a loaded CI machine
  // (a 2 s limit once did, at CI's start). Timeouts are tested below with simulators of
  // their own (200 and 300 ms).
  sim = db.open({ poolSize: 8 });
});
afterEach(() => sim.faults.reset());
afterAll(() => db?.close());

function expectUnavailable(error: unknown, reason?: string) {
  expect(error).toBeInstanceOf(CoreUnavailableError);
  expect(error).toMatchObject({ kind: "unavailable", ...(reason ? { reason } : {}) });
}

describe("setUnavailable", () => {
  it("makes every call throw CoreUnavailableError and change nothing, until switched back", async () => {
    const login = await openAccount(sim.core, "10.00");
    await sim.faults.setUnavailable(true);
    expectUnavailable(await rejectionOf(sim.core.health()), "unavailable");
    expectUnavailable(await rejectionOf(sim.core.getAccount(login)));
    expectUnavailable(await rejectionOf(sim.core.createAccount(accountInput())));
    expectUnavailable(
      await rejectionOf(
        sim.core.balanceOperation({
          idempotencyKey: newKey(),
          login,
          type: "deposit",
          amount: "5.00",
        }),
      ),
    );
    expectUnavailable(
      await rejectionOf(sim.core.checkPassword({ login, type: "main", password: "Main-pass-1" })),
    );
    expectUnavailable(await rejectionOf(sim.core.archiveAccount({ login })));
    expect(await balanceOf(db.sql, login)).toBe("10.00");
    expect(await sim.faults.state()).toEqual({ unavailable: true, latencyMs: 0, pending: [] });

    await sim.faults.setUnavailable(false);
    expect(await sim.core.health()).toEqual({ latencyMs: expect.any(Number) });
  });

  it("reaches a simulator in another process, because the switch lives in the database", async () => {
    const elsewhere = db.open();
    await elsewhere.faults.setUnavailable(true);
    expectUnavailable(await rejectionOf(sim.core.health()));
    await elsewhere.faults.reset();
    await expect(sim.core.health()).resolves.toBeDefined();
  });
});

describe("failNext", () => {
  it("fails exactly the next 2 calls of that operation before they do anything", async () => {
    const login = await openAccount(sim.core);
    await sim.faults.failNext("balanceOperation", 2);
    expect((await sim.faults.state()).pending).toEqual([
      { operation: "balanceOperation", mode: "fail", remaining: 2 },
    ]);
    const deposit = () =>
      sim.core.balanceOperation({
        idempotencyKey: newKey(),
        login,
        type: "deposit",
        amount: "1.00",
      });
    // Other operations are not affected.
    await expect(sim.core.getAccount(login)).resolves.toMatchObject({ login });
    expectUnavailable(await rejectionOf(deposit()), "unreachable");
    expectUnavailable(await rejectionOf(deposit()), "unreachable");
    expect(await balanceOf(db.sql, login)).toBe("0.00");
    expect((await deposit()).balance).toBe("1.00");
    expect((await deposit()).balance).toBe("2.00");
    expect((await sim.faults.state()).pending).toEqual([]);
  });

  it("fails exactly N of many concurrent calls", async () => {
    const login = await openAccount(sim.core);
    await sim.faults.failNext("balanceOperation", 3);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 15 }, () =>
        sim.core.balanceOperation({
          idempotencyKey: newKey(),
          login,
          type: "deposit",
          amount: "1.00",
        }),
      ),
    );
    const failed = outcomes.filter((o) => o.status === "rejected");
    expect(failed).toHaveLength(3);
    for (const f of failed) expectUnavailable(f.reason);
    expect(await balanceOf(db.sql, login)).toBe("12.00");
  });
});

describe("loseNextReply", () => {
  it("createAccount: the account is opened, the caller hears nothing, the retry gets the same login", async () => {
    await sim.faults.loseNextReply("createAccount", 1);
    const input = accountInput();
    const before = await count(db.sql, "SELECT 1 FROM core_sim.accounts");
    expectUnavailable(await rejectionOf(sim.core.createAccount(input)), "reply_lost");
    expect(await count(db.sql, "SELECT 1 FROM core_sim.accounts")).toBe(before + 1);
    const { rows } = await db.sql.query<{ login: string }>(
      "SELECT max(login) AS login FROM core_sim.accounts",
    );
    const retry = await sim.core.createAccount({ ...input });
    expect(retry.login).toBe(Number(rows[0]!.login));
    expect(await count(db.sql, "SELECT 1 FROM core_sim.accounts")).toBe(before + 1);
    expect(
      await sim.core.checkPassword({
        login: retry.login,
        type: "main",
        password: input.passwords.main,
      }),
    ).toBe(true);
  });

  it("balanceOperation: the deposit is made once, and the retry returns its result", async () => {
    const login = await openAccount(sim.core, "10.00");
    await sim.faults.loseNextReply("balanceOperation", 1);
    const request = {
      idempotencyKey: newKey(),
      login,
      type: "withdrawal" as const,
      amount: "4.00",
    };
    expectUnavailable(await rejectionOf(sim.core.balanceOperation(request)), "reply_lost");
    expect(await balanceOf(db.sql, login)).toBe("6.00");
    const retry = await sim.core.balanceOperation({ ...request });
    expect(retry.balance).toBe("6.00");
    expect(await balanceOf(db.sql, login)).toBe("6.00");
    const { rows } = await db.sql.query<{ operation_id: string }>(
      "SELECT operation_id FROM core_sim.ledger WHERE login = $1 AND kind = 'withdrawal'",
      [login],
    );
    expect(rows).toEqual([{ operation_id: retry.operationId }]);
  });

  it("transfer: the money moves once, and the retry returns its result", async () => {
    const from = await openAccount(sim.core, "50.00");
    const to = await openAccount(sim.core);
    await sim.faults.loseNextReply("transfer", 1);
    const request = { idempotencyKey: newKey(), fromLogin: from, toLogin: to, amount: "20.00" };
    expectUnavailable(await rejectionOf(sim.core.transfer(request)), "reply_lost");
    expect(await balanceOf(db.sql, from)).toBe("30.00");
    expect(await balanceOf(db.sql, to)).toBe("20.00");
    const retry = await sim.core.transfer({ ...request });
    expect(retry).toMatchObject({ fromBalance: "30.00", toBalance: "20.00" });
    expect(await balanceOf(db.sql, from)).toBe("30.00");
    expect(await balanceOf(db.sql, to)).toBe("20.00");
    expect(
      await count(db.sql, "SELECT 1 FROM core_sim.ledger WHERE operation_id = $1", [
        retry.operationId,
      ]),
    ).toBe(2);
  });
});

describe("latency", () => {
  it("slows calls down within the timeout", async () => {
    await sim.faults.setLatency(150);
    const { latencyMs } = await sim.core.health();
    expect(latencyMs).toBeGreaterThanOrEqual(150);
  });

  it("beyond timeoutMs throws CoreUnavailableError after the timeout and changes nothing", async () => {
    const login = await openAccount(sim.core);
    const impatient = db.open({ timeoutMs: 200 });
    await sim.faults.setLatency(1_000);
    const started = performance.now();
    const error = await rejectionOf(
      impatient.core.balanceOperation({
        idempotencyKey: newKey(),
        login,
        type: "deposit",
        amount: "1.00",
      }),
    );
    const elapsed = performance.now() - started;
    expectUnavailable(error, "timeout");
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(900);
    await sim.faults.reset();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await balanceOf(db.sql, login)).toBe("0.00");
  });

  it("a real stall beyond timeoutMs is unavailable too, and the retry with the same key settles it", async () => {
    const login = await openAccount(sim.core);
    const impatient = db.open({ timeoutMs: 300 });
    const blocker = await db.sql.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT 1 FROM core_sim.accounts WHERE login = $1 FOR UPDATE", [login]);
      const request = { idempotencyKey: newKey(), login, type: "deposit" as const, amount: "7.00" };
      expectUnavailable(await rejectionOf(impatient.core.balanceOperation(request)), "timeout");
      await blocker.query("COMMIT");
      // The late request still lands (as with a real core); the retry sees it, not a second one.
      const retry = await sim.core.balanceOperation({ ...request });
      expect(retry.balance).toBe("7.00");
      expect(await balanceOf(db.sql, login)).toBe("7.00");
    } finally {
      await blocker.query("ROLLBACK").catch(() => {});
      blocker.release();
    }
  });
});

describe("reset", () => {
  it("clears every fault", async () => {
    await sim.faults.setUnavailable(true);
    await sim.faults.setLatency(50);
    await sim.faults.failNext("getAccount", 5);
    await sim.faults.loseNextReply("transfer", 2);
    expect(await sim.faults.state()).toEqual({
      unavailable: true,
      latencyMs: 50,
      pending: [
        { operation: "getAccount", mode: "fail", remaining: 5 },
        { operation: "transfer", mode: "lose-reply", remaining: 2 },
      ],
    });
    await sim.faults.reset();
    expect(await sim.faults.state()).toEqual({ unavailable: false, latencyMs: 0, pending: [] });
    const login = await openAccount(sim.core);
    await expect(sim.core.getAccount(login)).resolves.toMatchObject({ login });
  });

  it("refuses nonsense settings", async () => {
    await expect(sim.faults.failNext("getAccount", -1)).rejects.toThrow(RangeError);
    await expect(sim.faults.setLatency(1.5)).rejects.toThrow(RangeError);
    await expect(sim.faults.loseNextReply("nope" as never, 1)).rejects.toThrow(TypeError);
  });
});

describe("an unreachable database", () => {
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it("looks like a down core: CoreUnavailableError, never a raw pg error", async () => {
    const port = await closedPort();
    const down = createSimulatorCore({
      connectionString: `postgres://postgres@127.0.0.1:${port}/nowhere`,
      timeoutMs: 2_000,
    });
    try {
      expectUnavailable(await rejectionOf(down.core.health()), "unreachable");
      expectUnavailable(await rejectionOf(down.core.getAccount(100001)), "unreachable");
      expectUnavailable(
        await rejectionOf(
          down.core.balanceOperation({
            idempotencyKey: newKey(),
            login: 100001,
            type: "deposit",
            amount: "1.00",
          }),
        ),
      );
    } finally {
      await down.close();
    }
  });

  it("a database that does not exist is unavailable as well, and so is a closed simulator", async () => {
    const missing = db.url.replace(/\/[^/?]+(\?|$)/, "/no_such_database$1");
    const lost = createSimulatorCore({ connectionString: missing, timeoutMs: 2_000 });
    expectUnavailable(await rejectionOf(lost.core.health()), "unreachable");
    await lost.close();
    expectUnavailable(await rejectionOf(lost.core.health()));
  });
});
