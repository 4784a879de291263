import { startTestCluster } from "@brokerage/db/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

/** One PostgreSQL cluster for the whole run; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide("adminUrl", cluster.adminUrl);
  return async () => {
    await cluster.stop();
  };
}
