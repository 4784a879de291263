import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it, inject } from "vitest";
import { listMigrations, MIGRATIONS_DIR, runMigrations } from "../src/migrate";
import { createEmptyDatabase, type TestDatabase } from "../src/testing";

const created: TestDatabase[] = [];
async function freshDatabase() {
  const db = await createEmptyDatabase(inject("adminUrl"));
  created.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(created.splice(0).map((d) => d.drop()));
});

async function rows(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the migration runner", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const db = await freshDatabase();
    const first = await runMigrations({ connectionString: db.url });
    expect(first.applied).toEqual(listMigrations(MIGRATIONS_DIR).map((m) => m.name));
    const second = await runMigrations({ connectionString: db.url });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    const recorded = await rows(
      db.url,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(recorded).toEqual(
      listMigrations(MIGRATIONS_DIR).map((m) => ({
        migration_name: m.name,
        checksum: m.checksum,
        finished: true,
        applied_steps_count: 1,
      })),
    );
    expect(recorded[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a migration edited after it was applied, and rolls back a failing one", async () => {
    const db = await freshDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    mkdirSync(path.join(dir, "001_a"));
    writeFileSync(path.join(dir, "001_a", "migration.sql"), 'CREATE TABLE "A" ("id" INTEGER);');
    await runMigrations({ connectionString: db.url, dir });
    writeFileSync(path.join(dir, "001_a", "migration.sql"), 'CREATE TABLE "A" ("id" BIGINT);');
    await expect(runMigrations({ connectionString: db.url, dir })).rejects.toThrow(/modified after it was applied/);

    writeFileSync(path.join(dir, "001_a", "migration.sql"), 'CREATE TABLE "A" ("id" INTEGER);');
    mkdirSync(path.join(dir, "002_b"));
    writeFileSync(path.join(dir, "002_b", "migration.sql"), 'CREATE TABLE "B" ("id" INTEGER); SELECT no_such_function();');
    await expect(runMigrations({ connectionString: db.url, dir })).rejects.toThrow(/002_b failed/);
    expect(await rows(db.url, `SELECT to_regclass('"B"') AS b`)).toEqual([{ b: null }]);
    expect(await rows(db.url, `SELECT migration_name FROM "_prisma_migrations"`)).toEqual([{ migration_name: "001_a" }]);
  });

  it("keeps a schema of its own when asked (the simulator's)", async () => {
    const db = await freshDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    mkdirSync(path.join(dir, "001_x"));
    writeFileSync(path.join(dir, "001_x", "migration.sql"), 'CREATE TABLE "X" ("id" INTEGER);');
    await runMigrations({ connectionString: db.url, dir, schema: "other" });
    expect(await rows(db.url, `SELECT to_regclass('other."X"') IS NOT NULL AS x, to_regclass('other._prisma_migrations') IS NOT NULL AS m`)).toEqual([
      { x: true, m: true },
    ]);
  });

  it("lets only one of two concurrent runners apply a migration", async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([
      runMigrations({ connectionString: db.url }),
      runMigrations({ connectionString: db.url }),
    ]);
    expect([...a.applied, ...b.applied].sort()).toEqual(listMigrations(MIGRATIONS_DIR).map((m) => m.name));
  });
});
