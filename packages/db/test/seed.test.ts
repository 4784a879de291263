import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createPrismaClient, type Database } from "../src/create-client";
import { runMigrations } from "../src/migrate";
import { DEMO_CUSTOMER, DEMO_GROUPS, DEMO_STAFF, seedDemoData } from "../src/seed";
import { createEmptyDatabase, type TestDatabase } from "../src/testing";

describe("demo data", () => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createEmptyDatabase(inject("adminUrl"));
    await runMigrations({ connectionString: database.url });
    db = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("seeds product.md's brand, groups, staff and customer, and a second run changes nothing", async () => {
    await seedDemoData(db);
    const snapshot = async () => ({
      brands: await db.brand.findMany({ orderBy: { id: "asc" } }),
      groups: await db.accountGroup.findMany({ orderBy: { id: "asc" } }),
      customers: await db.customer.findMany({ orderBy: { id: "asc" } }),
      staff: await db.staff.findMany({ orderBy: { id: "asc" } }),
    });
    const first = await snapshot();
    await seedDemoData(db);
    expect(await snapshot()).toEqual(first);

    expect(first.brands.map((b) => b.code)).toEqual(["default"]);
    expect(first.groups.map((g) => g.name)).toEqual(DEMO_GROUPS.map((g) => g.name));
    const demoUsd = first.groups.find((g) => g.name === "demo-usd")!;
    expect({ mode: demoUsd.accountMode, currency: demoUsd.currency, leverage: demoUsd.leverage, deposit: demoUsd.defaultDeposit.toString() }).toEqual({
      mode: "DEMO",
      currency: "USD",
      leverage: 100,
      deposit: "10000",
    });
    const realUsd = first.groups.find((g) => g.name === "real-usd")!;
    expect([realUsd.accountMode, realUsd.defaultDeposit.toString()]).toEqual(["REAL", "0"]);
    expect(first.groups.filter((g) => !g.enabled)).toHaveLength(1);
    expect(first.groups.filter((g) => !g.public)).toHaveLength(1);
    expect(first.groups.filter((g) => g.kind === "WALLET").map((g) => g.currency).sort()).toEqual(["EUR", "USD"]);

    const customer = first.customers[0]!;
    expect(customer.email).toBe(DEMO_CUSTOMER.email);
    expect(customer.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(customer.passwordHash, DEMO_CUSTOMER.password)).toBe(true);
    expect(first.staff.map((s) => [s.email, s.role]).sort()).toEqual([
      ["finance2@example.com", "FINANCE"],
      ["finance@example.com", "FINANCE"],
      ["kyc@example.com", "KYC_REVIEWER"],
      ["staff@example.com", "ADMIN"],
      ["support@example.com", "SUPPORT"],
    ]);
    for (const member of first.staff) expect(await verify(member.passwordHash, DEMO_STAFF.password)).toBe(true);
  });
});
