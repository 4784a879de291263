// `pnpm dev`: a database (the embedded PostgreSQL unless DATABASE_URL is set), migrated
// and seeded, then `next dev` against it. Ctrl-C or SIGTERM stops Next first, then
// PostgreSQL, so no server is left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PortInUseError } from "@brokerage/db/embedded";
import { scriptEnv } from "./env";
import { startLocalPostgres, type LocalPostgres } from "./local-postgres";
import { DEMO_CUSTOMER, DEMO_STAFF, DEMO_STAFF_MEMBERS, prepareDatabase } from "./prepare-database";
import { ownShutdownSignals, stopChild, waitForHttp } from "./processes";

const portalDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = path.resolve(portalDir, "../..");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const apiServerDir = path.resolve(portalDir, "../api");
const tsxCli = createRequire(path.join(apiServerDir, "package.json")).resolve("tsx/cli");

const log = (line: string) => console.log(`[dev] ${line}`);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

let postgres: LocalPostgres | undefined;
let next: ChildProcess | undefined;
let apiServer: ChildProcess | undefined;
let stopping: Promise<never> | undefined;

/** Stops Next, then PostgreSQL, then exits; later calls wait for the first one. */
function shutdown(exitCode: number, reason: string): Promise<never> {
  stopping ??= (async () => {
    log(`stopping (${reason})`);
    await Promise.all([next && stopChild(next, "SIGTERM", 10_000), apiServer && stopChild(apiServer, "SIGTERM", 10_000)]);
    if (postgres) {
      await postgres.stop().catch((error: unknown) => console.error("[dev] PostgreSQL did not stop cleanly:", error));
      log("PostgreSQL stopped");
    }
    process.exit(exitCode);
  })();
  return stopping;
}

// Installed before anything starts, so a Ctrl-C during start-up still stops PostgreSQL.
ownShutdownSignals((signal) => void shutdown(0, signal));

async function database(): Promise<string> {
  if (scriptEnv.DATABASE_URL) {
    log("using DATABASE_URL");
    return scriptEnv.DATABASE_URL;
  }
  const dataDir = scriptEnv.EMBEDDED_PG_DIR ?? path.join(repoDir, ".data", "postgres");
  log(`starting embedded PostgreSQL on port ${scriptEnv.EMBEDDED_PG_PORT}, data in ${dataDir}`);
  try {
    postgres = await startLocalPostgres({
      dataDir,
      port: scriptEnv.EMBEDDED_PG_PORT,
      persistent: true,
      database: "portal",
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      console.error(`[dev] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  return postgres.url;
}

function banner(url: string): string {
  const lines = [
    `Portal:          ${url}`,
    `Dev mailbox:     ${url}/dev/mailbox`,
    `Health:          ${url}/api/health`,
    `API server:      http://localhost:${scriptEnv.API_PORT} (tRPC /trpc, REST /customer, /openapi.json)`,
    `Demo customer:   ${DEMO_CUSTOMER.email} / ${DEMO_CUSTOMER.password}`,
    `Staff sign-in:   ${url}/staff/sign-in (password ${DEMO_STAFF.password} for each; enrol an authenticator at first sign-in)`,
    ...DEMO_STAFF_MEMBERS.map((m) => `  ${m.role.padEnd(13)} ${m.email}`),
    `Ready after ${elapsed()}. Ctrl-C stops Next and PostgreSQL.`,
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = "─".repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join("\n");
}

try {
  const databaseUrl = await database();
  const prepared = await prepareDatabase(databaseUrl, log);
  const applied = prepared.applied.length + prepared.simulatorApplied.length + prepared.paymentSimulatorApplied.length;
  log(`database ready: ${applied} new migration(s), demo data seeded (${elapsed()})`);
  if (stopping) await stopping; // a signal arrived meanwhile

  const url = `http://localhost:${scriptEnv.PORT}`;
  next = spawn(process.execPath, [nextBin, "dev", "--port", String(scriptEnv.PORT)], {
    cwd: portalDir,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  next.once("exit", (code, signal) => {
    if (!stopping) void shutdown(code ?? 1, `next exited with ${signal ?? `code ${code}`}`);
  });
  // The standalone API server (apps/api) on the same database, reloaded on changes.
  apiServer = spawn(process.execPath, [tsxCli, "watch", "--conditions=react-server", "src/main.ts"], {
    cwd: apiServerDir,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(scriptEnv.API_PORT), HOST: "127.0.0.1" },
  });
  apiServer.once("exit", (code, signal) => {
    if (!stopping) void shutdown(code ?? 1, `the API server exited with ${signal ?? `code ${code}`}`);
  });
  // The first request also compiles the health route, so the banner means "ready".
  await waitForHttp(`${url}/api/health`, 120_000);
  await waitForHttp(`http://localhost:${scriptEnv.API_PORT}/health/live`, 60_000);
  if (!stopping) console.log(`\n${banner(url)}\n`);
} catch (error) {
  console.error("[dev] start-up failed:", error);
  await shutdown(1, "start-up failed");
}
