// The portal under test, started by Playwright's webServer: a throw-away embedded
// PostgreSQL on a free port, migrated and seeded, then the already-built portal through
// its real production start (`apps/portal/scripts/start.ts`: our node:http front door in
// front of Next's request handler). SIGTERM (Playwright's graceful shutdown) stops Next,
// then PostgreSQL, and removes every trace.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@brokerage/db/embedded";
import { startLocalPostgres, type LocalPostgres } from "@brokerage/portal/scripts/local-postgres";
import { prepareDatabase } from "@brokerage/portal/scripts/prepare-database";
import { ownShutdownSignals, stopChild } from "@brokerage/portal/scripts/processes";
import { databaseUrlFile, stateDir } from "../support/state";

const log = (line: string) => console.log(`[e2e-server] ${line}`);

const port = Number(process.env.E2E_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error("E2E_PORT is not set: run the suite through `playwright test`");

const portalDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.resolve("@brokerage/portal/scripts/prepare-database"))),
  "..",
);
if (!existsSync(path.join(portalDir, ".next", "BUILD_ID"))) {
  console.error("[e2e-server] the portal is not built: run `pnpm --filter @brokerage/portal build` (turbo's test:e2e does)");
  process.exit(1);
}

let postgres: LocalPostgres | undefined;
let next: ChildProcess | undefined;
let stopping: Promise<never> | undefined;

function shutdown(exitCode: number, reason: string): Promise<never> {
  stopping ??= (async () => {
    log(`stopping (${reason})`);
    if (next) await stopChild(next, "SIGTERM", 8_000);
    await postgres?.stop().catch((error: unknown) => console.error("[e2e-server] PostgreSQL did not stop cleanly:", error));
    rmSync(stateDir(), { recursive: true, force: true });
    log("stopped");
    process.exit(exitCode);
  })();
  return stopping;
}

ownShutdownSignals((signal) => void shutdown(0, signal));

try {
  const started = performance.now();
  postgres = await startLocalPostgres({
    // Beside the state folder, not in it: PostgreSQL runs as its own user, which cannot
    // enter the private (0700) state folder.
    dataDir: path.join(os.tmpdir(), `${path.basename(stateDir())}-postgres`),
    port: await freePort(),
    persistent: false,
    database: "portal",
  });
  const databaseUrl = postgres.url;
  await prepareDatabase(databaseUrl);
  writeFileSync(databaseUrlFile(), databaseUrl, { mode: 0o600 });
  log(`database ready on port ${postgres.port} after ${Math.round(performance.now() - started)} ms`);

  // What `pnpm --filter @brokerage/portal start` runs, without pnpm in between (signals
  // reach the server directly).
  // NODE_ENV is left unset on purpose: the production start must be production without
  // it (development defaults only when NODE_ENV says development or test).
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  next = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: portalDir,
    stdio: "inherit",
    env: {
      ...inherited,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEV_MAILBOX: "true",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      OTP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      PAYMENT_WEBHOOK_SECRET: randomBytes(32).toString("base64url"),
      PORTAL_BASE_URL: `http://localhost:${port}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      // Every flow of the suite signs up from this machine's address: the per-address
      // sign-up and SMS limits (defaults 20 an hour, 20 a day) would refuse the suite itself.
      // The limits are tested in packages/api/test/identity/sign-up-abuse.test.ts.
      SIGNUP_LIMIT_PER_ADDRESS: "100000",
      SMS_LIMIT_PER_ADDRESS: "100000",
      // The payment simulator's bank pays a payout after half a second, not 10 s, and its
      // webhooks go out every half second: the money flows see "Paid" without waiting.
      PAYMENT_SIMULATOR_PAYOUT_SETTLE_MS: "500",
      DISPATCH_INTERVAL_MS: "500",
    },
  });
  next.once("exit", (code, signal) => {
    if (!stopping) void shutdown(1, `next exited with ${signal ?? `code ${code}`}`);
  });
} catch (error) {
  console.error("[e2e-server] start-up failed:", error);
  await shutdown(1, "start-up failed");
}
