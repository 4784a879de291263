import { SIMULATOR_MIGRATIONS_DIR, SIMULATOR_SCHEMA } from "@brokerage/core-adapter/simulator";
import { PAYMENT_SIMULATOR_MIGRATIONS_DIR, PAYMENT_SIMULATOR_SCHEMA } from "@brokerage/payments/simulator";
import { startTestDatabases } from "@brokerage/db/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/** One PostgreSQL for the run and a migrated template (the simulators' schemas included) that every test file clones. */
export default async function setup(project: TestProject) {
  const databases = await startTestDatabases([
    { dir: SIMULATOR_MIGRATIONS_DIR, schema: SIMULATOR_SCHEMA },
    { dir: PAYMENT_SIMULATOR_MIGRATIONS_DIR, schema: PAYMENT_SIMULATOR_SCHEMA },
  ]);
  project.provide("adminUrl", databases.adminUrl);
  project.provide("templateDb", databases.templateDb);
  return databases.stop;
}
