import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoreRejectedError } from "../src/index";
import type { SimulatorHandle } from "../src/simulator/index";
import {
  accountInput,
  count,
  createSimulatorDatabase,
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

describe("createAccount and getAccount", () => {
  it("opens an account the core reports back field by field", async () => {
    const before = Date.now();
    const { login } = await sim.core.createAccount(
      accountInput({
        group: "demo\\pro",
        currency: "EUR",
        leverage: 500,
        name: "Grace Hopper",
        email: "grace@example.com",
      }),
    );
    expect(login).toBeGreaterThanOrEqual(100001);
    const account = await sim.core.getAccount(login);
    expect(account).toEqual({
      login,
      group: "demo\\pro",
      currency: "EUR",
      leverage: 500,
      name: "Grace Hopper",
      email: "grace@example.com",
      enabled: true,
      archived: false,
      balance: "0.00",
      equity: "0.00",
      createdAt: expect.any(Date),
    });
    expect(account.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
  });

  it("hands out 30 distinct logins to 30 parallel openings", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => sim.core.createAccount(accountInput())),
    );
    const logins = results.map((r) => r.login);
    expect(new Set(logins).size).toBe(30);
    for (const login of logins) expect(login).toBeGreaterThanOrEqual(100001);
    expect(
      await count(db.sql, "SELECT 1 FROM core_sim.accounts WHERE login = ANY($1::bigint[])", [
        logins,
      ]),
    ).toBe(30);
  });

  it.each([
    ["a lowercase currency", { currency: "usd" }],
    ["a zero leverage", { leverage: 0 }],
    ["a fractional leverage", { leverage: 1.5 }],
    ["an empty group", { group: "" }],
    ["an empty name", { name: "  " }],
    ["an empty main password", { passwords: { main: "" } }],
    ["an empty idempotency key", { idempotencyKey: "" }],
  ])("refuses %s as invalid_request and opens nothing", async (_label, overrides) => {
    const before = await count(db.sql, "SELECT 1 FROM core_sim.accounts");
    const error = await rejectionOf(sim.core.createAccount(accountInput(overrides)));
    expect(error).toBeInstanceOf(CoreRejectedError);
    expect(error).toMatchObject({ kind: "rejected", reason: "invalid_request" });
    expect(await count(db.sql, "SELECT 1 FROM core_sim.accounts")).toBe(before);
  });
});
