// A fresh, migrated database per test file, simulators opened on it, and a plain pool
// for checking the simulator's tables in SQL.
import { randomUUID } from "node:crypto";
import { createEmptyDatabase } from "@brokerage/db/testing";
import pg from "pg";
import { inject } from "vitest";
import type { CreateAccountInput, TradingCore } from "../src/index";
import {
  createSimulatorCore,
  migrateSimulator,
  type SimulatorHandle,
  type SimulatorOptions,
} from "../src/simulator/index";

export interface SimulatorDatabase {
  url: string;
  sql: pg.Pool;
  open(options?: Omit<SimulatorOptions, "connectionString">): SimulatorHandle;
  close(): Promise<void>;
}

export async function createSimulatorDatabase(): Promise<SimulatorDatabase> {
  const database = await createEmptyDatabase(inject("adminUrl"));
  await migrateSimulator(database.url);
  const sql = new pg.Pool({ connectionString: database.url, max: 3 });
  const opened: SimulatorHandle[] = [];
  return {
    url: database.url,
    sql,
    open(options = {}) {
      const handle = createSimulatorCore({ connectionString: database.url, ...options });
      opened.push(handle);
      return handle;
    },
    async close() {
      await Promise.all(opened.map((handle) => handle.close()));
      await sql.end();
      await database.drop();
    },
  };
}

export const newKey = () => randomUUID();

export function accountInput(overrides: Partial<CreateAccountInput> = {}): CreateAccountInput {
  return {
    idempotencyKey: newKey(),
    group: "real\\standard",
    currency: "USD",
    leverage: 100,
    name: "Ada Lovelace",
    email: "ada@example.com",
    passwords: { main: "Main-pass-1" },
    ...overrides,
  };
}

export async function openAccount(
  core: TradingCore,
  deposit?: string,
  overrides: Partial<CreateAccountInput> = {},
) {
  const { login } = await core.createAccount(accountInput(overrides));
  if (deposit)
    await core.balanceOperation({
      idempotencyKey: newKey(),
      login,
      type: "deposit",
      amount: deposit,
    });
  return login;
}

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to fail, but it succeeded");
}

export async function balanceOf(sql: pg.Pool, login: number): Promise<string> {
  const { rows } = await sql.query<{ balance: string }>(
    "SELECT balance FROM core_sim.accounts WHERE login = $1",
    [login],
  );
  return rows[0]?.balance ?? "missing";
}

export async function count(sql: pg.Pool, query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM (${query}) AS counted`,
    params,
  );
  return Number(rows[0]?.n);
}
