// The multi-instance suite: two API servers and two portals behind HAProxy over one
// PostgreSQL and Redis (fleet.ts), reusing the portal build of the e2e suite. Run by the
// e2e package's test:e2e after the browser flows: `playwright test -c instances`.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

process.env.E2E_STATE_DIR ??= mkdtempSync(path.join(os.tmpdir(), "brokerage-instances-"));

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  globalSetup: "./fleet.ts",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One worker, in file order: later tests stop instances.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  globalTimeout: 25 * 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
});
