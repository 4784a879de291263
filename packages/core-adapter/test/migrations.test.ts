import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateSimulator, SIMULATOR_SCHEMA } from "../src/simulator/index";
import { createSimulatorDatabase, type SimulatorDatabase } from "./simulator-database";

let db: SimulatorDatabase;
beforeAll(async () => {
  db = await createSimulatorDatabase();
});
afterAll(() => db?.close());

it("keeps everything in core_sim, recorded like Prisma, and applies nothing twice", async () => {
  expect(SIMULATOR_SCHEMA).toBe("core_sim");
  const again = await migrateSimulator(db.url);
  expect(again.applied).toEqual([]);
  expect(again.alreadyApplied).toEqual(["20261123130000_init", "20261201180000_technical_accounts"]);
  const { rows } = await db.sql.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_schema, table_name`,
  );
  expect(rows).toEqual(
    [
      "_prisma_migrations",
      "accounts",
      "fault_settings",
      "faults",
      "idempotency_keys",
      "ledger",
      "passwords",
    ].map((table_name) => ({ table_schema: "core_sim", table_name })),
  );
  const money = await db.sql.query<{
    table_name: string;
    column_name: string;
    numeric_precision: number;
    numeric_scale: number;
  }>(
    `SELECT table_name, column_name, numeric_precision, numeric_scale FROM information_schema.columns
      WHERE table_schema = 'core_sim' AND data_type = 'numeric' ORDER BY table_name, column_name`,
  );
  for (const column of money.rows)
    expect(column).toMatchObject({ numeric_precision: 20, numeric_scale: 2 });
  expect(money.rows.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
    "accounts.balance",
    "ledger.amount",
    "ledger.balance_after",
  ]);
});
