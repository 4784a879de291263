import { mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

// Chosen once, in the runner: workers and the server script inherit the environment, and
// the config is evaluated again in each worker, where these are already set.
process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_STATE_DIR ??= mkdtempSync(path.join(os.tmpdir(), "brokerage-e2e-"));

// localhost, not 127.0.0.1: browsers accept the Secure session cookies of a production
// build from http://localhost only.
const baseURL = `http://localhost:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "./tests",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium headless shell here (package chromium-headless-shell: the "old"
      // headless mode Playwright itself uses by default). The full browser's new headless
      // mode costs about four times the CPU per browser context and twice per page load,
      // which on a 2-core runner doubled the suite's time. CHROMIUM_PATH picks another
      // build (/usr/bin/chromium, Playwright's own browsers).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: "global-state/**" },
    {
      // Tests that flip switches every page depends on (the trading core's faults) run
      // alone, after everything else.
      name: "global-state",
      use: { ...devices["Desktop Chrome"] },
      testMatch: "global-state/**/*.spec.ts",
      dependencies: ["chromium"],
      fullyParallel: false,
    },
  ],
  webServer: {
    // Never a server that happens to be running: the suite starts its own portal, on its
    // own database, from the production build.
    command: "node --import tsx scripts/serve.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // SIGKILL (the default) would leave the embedded PostgreSQL running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
