import { SIMULATOR_MIGRATIONS_DIR, SIMULATOR_SCHEMA } from "@brokerage/core-adapter/simulator";
import { createTemplateDatabase, dropDatabase, startTestCluster } from "@brokerage/db/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

/** One PostgreSQL for the run and a migrated template that every test file clones. */
export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  const templateDb = await createTemplateDatabase(cluster.adminUrl, [
    { dir: SIMULATOR_MIGRATIONS_DIR, schema: SIMULATOR_SCHEMA },
  ]);
  project.provide("adminUrl", cluster.adminUrl);
  project.provide("templateDb", templateDb);
  return async () => {
    await dropDatabase(cluster.adminUrl, templateDb);
    await cluster.stop();
  };
}
