import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { runMigrations } from "../src/migrate";
import { createEmptyDatabase, type TestDatabase } from "../src/testing";
import { actualShape } from "./drift/actual-from-catalog";
import { expectedShape } from "./drift/expected-from-prisma";
import { compareShapes } from "./drift/shape";

const schemaText = readFileSync(fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url)), "utf8");

describe("migrations match schema.prisma", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createEmptyDatabase(inject("adminUrl"));
    await runMigrations({ connectionString: database.url });
  });
  afterAll(() => database.drop());

  it("has every table, column, type, default, index, unique and foreign key of the schema, and nothing else", async () => {
    const differences = compareShapes(await expectedShape(schemaText), await actualShape(database.url));
    expect(differences).toEqual([]);
  });

  it("reads a real model: tables, enums and constraints are all compared", async () => {
    const actual = await actualShape(database.url);
    expect(actual.tables.get("AccountGroup")?.get("defaultDeposit")).toEqual({
      type: "numeric(18,2)",
      notNull: true,
      default: "0",
    });
    expect(actual.tables.get("Customer")?.get("createdAt")?.type).toBe("timestamp(3) with time zone");
    expect(actual.enums.get("AccountMode")).toEqual(["DEMO", "REAL"]);
    expect(actual.indexes.get("Customer_email_key")).toMatchObject({ unique: true, columns: ["email"] });
    expect(actual.foreignKeys.get("Session_customerId_fkey")).toMatchObject({ onDelete: "CASCADE" });
  });

  it("fails on a schema that does not match the migrations", async () => {
    const mismatched = schemaText
      // a column made optional, a type changed, a default changed
      .replace(/displayName( +)String\n/, "displayName$1String?\n")
      .replace("currency         String           @db.VarChar(3)", "currency         String           @db.VarChar(4)")
      .replace('preferredLanguage String             @default("en")', 'preferredLanguage String             @default("de")')
      // an enum value, an index, a column and an onDelete the database does not have
      .replace("  FINANCE\n}", "  FINANCE\n  AUDITOR\n}")
      .replace("  @@index([brandId])\n}\n\n/// One signed-in", "  @@index([brandId])\n  @@index([lastName])\n}\n\n/// One signed-in")
      .replace("  favorite           Boolean          @default(false)", "  favorite           Boolean          @default(false)\n  nickname           String?")
      .replace(
        "customer   Customer    @relation(fields: [customerId], references: [id], onDelete: Cascade)",
        "customer   Customer    @relation(fields: [customerId], references: [id], onDelete: Restrict)",
      );
    expect(mismatched).not.toBe(schemaText);
    const differences = compareShapes(await expectedShape(mismatched), await actualShape(database.url));
    expect(differences).toEqual(
      expect.arrayContaining([
        "column Brand.displayName: NOT NULL, expected nullable",
        "column AccountGroup.currency: type character varying(3), expected character varying(4)",
        'column Customer.preferredLanguage: default "en", expected "de"',
        'enum StaffRole: values ["ADMIN","KYC_REVIEWER","SUPPORT","FINANCE"], expected ["ADMIN","KYC_REVIEWER","SUPPORT","FINANCE","AUDITOR"]',
        "index Customer_lastName_idx: missing in database",
        "column Account.nickname: missing in database",
      ]),
    );
    expect(differences.some((d) => d.startsWith("foreign key Session_customerId_fkey:"))).toBe(true);
    expect(differences).toHaveLength(7);
  });

  it("fails when the database has something the schema lacks", async () => {
    const extra = await createEmptyDatabase(inject("adminUrl"));
    try {
      await runMigrations({ connectionString: extra.url });
      const pg = await import("pg");
      const client = new pg.default.Client({ connectionString: extra.url });
      await client.connect();
      await client.query('ALTER TABLE "Brand" ADD COLUMN "legacy" TEXT');
      await client.query('CREATE TABLE "Orphan" ("id" INTEGER PRIMARY KEY)');
      await client.end();
      const differences = compareShapes(await expectedShape(schemaText), await actualShape(extra.url));
      expect(differences).toContain("column Brand.legacy: in database but not in schema.prisma");
      expect(differences).toContain("table Orphan: in database but not in schema.prisma");
    } finally {
      await extra.drop();
    }
  });
});
