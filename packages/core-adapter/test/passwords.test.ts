import { afterAll, beforeAll, expect, it } from "vitest";
import { CoreNotFoundError } from "../src/index";
import type { SimulatorHandle } from "../src/simulator/index";
import {
  accountInput,
  createSimulatorDatabase,
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

it("checks each password type separately, and a new password replaces the old one", async () => {
  const { login } = await sim.core.createAccount(
    accountInput({ passwords: { main: "Main-secret-1" } }),
  );
  const check = (type: "main" | "investor", password: string) =>
    sim.core.checkPassword({ login, type, password });

  expect(await check("main", "Main-secret-1")).toBe(true);
  expect(await check("main", "main-secret-1")).toBe(false);
  // Never set: nothing matches, not even the main password.
  expect(await check("investor", "Main-secret-1")).toBe(false);

  await sim.core.setPassword({ login, type: "investor", password: "Investor-secret-1" });
  expect(await check("investor", "Investor-secret-1")).toBe(true);
  expect(await check("main", "Investor-secret-1")).toBe(false);
  expect(await check("main", "Main-secret-1")).toBe(true);

  await sim.core.setPassword({ login, type: "main", password: "Main-secret-2" });
  await sim.core.setPassword({ login, type: "main", password: "Main-secret-2" });
  expect(await check("main", "Main-secret-1")).toBe(false);
  expect(await check("main", "Main-secret-2")).toBe(true);
  expect(await check("investor", "Investor-secret-1")).toBe(true);
});

it("stores argon2id hashes, never the passwords, also in the idempotency records", async () => {
  const input = accountInput({
    passwords: { main: "Plain-main-77", investor: "Plain-investor-77" },
  });
  const { login } = await sim.core.createAccount(input);
  const { rows } = await db.sql.query<{ type: string; hash: string }>(
    "SELECT type, hash FROM core_sim.passwords WHERE login = $1 ORDER BY type",
    [login],
  );
  expect(rows.map((r) => r.type)).toEqual(["investor", "main"]);
  for (const row of rows) {
    expect(row.hash).toMatch(/^\$argon2id\$/);
    expect(row.hash).not.toContain("Plain-");
  }
  const dump = await db.sql.query<{ dump: string }>(
    `SELECT (SELECT string_agg(t::text, ' ') FROM core_sim.passwords t)
         || (SELECT string_agg(k::text, ' ') FROM core_sim.idempotency_keys k) AS dump`,
  );
  expect(dump.rows[0]!.dump).not.toContain("Plain-main-77");
  expect(dump.rows[0]!.dump).not.toContain("Plain-investor-77");
  const key = await db.sql.query<{ secret_hash: string }>(
    "SELECT secret_hash FROM core_sim.idempotency_keys WHERE key = $1",
    [input.idempotencyKey],
  );
  expect(key.rows[0]!.secret_hash).toMatch(/^\$argon2id\$/);
});

it("answers CoreNotFoundError for an unknown login", async () => {
  expect(
    await rejectionOf(
      sim.core.setPassword({ login: 999_999, type: "main", password: "x-password" }),
    ),
  ).toBeInstanceOf(CoreNotFoundError);
  expect(
    await rejectionOf(
      sim.core.checkPassword({ login: 999_999, type: "main", password: "x-password" }),
    ),
  ).toBeInstanceOf(CoreNotFoundError);
});
