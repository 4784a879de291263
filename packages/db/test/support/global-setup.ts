import type { TestProject } from "vitest/node";
import { startTestCluster } from "../../src/testing";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide("adminUrl", cluster.adminUrl);
  return () => cluster.stop();
}
