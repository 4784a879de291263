// `pnpm bench`: starts what it needs on this machine (an embedded PostgreSQL, the raw
// baseline server, the built API server, the built portal), loads each the same way, and
// prints every figure beside the baseline measured in the same run, as a ratio. With
// `--check` (CI) it exits 1 when a ratio falls below half its goal.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hash, verify } from "@node-rs/argon2";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient } from "@brokerage/db";
import { freePort } from "@brokerage/db/embedded";
import { startLocalPostgres } from "@brokerage/portal/scripts/local-postgres";
import { prepareDatabase } from "@brokerage/portal/scripts/prepare-database";
import { stopChild, waitForHttp } from "@brokerage/portal/scripts/processes";
import { closedLoop, hammer, type LoadResult } from "./load";

const check = process.argv.includes("--check");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const log = (line: string) => console.log(`[bench] ${line}`);

const apiBundle = path.join(repo, "apps/api/dist/main.mjs");
const portalDir = path.join(repo, "apps/portal");
for (const [what, file] of [["the API server", apiBundle], ["the portal", path.join(portalDir, ".next/BUILD_ID")]] as const) {
  if (!existsSync(file)) {
    console.error(`[bench] ${what} is not built: run \`pnpm bench\` from the repository root (it builds first)`);
    process.exit(1);
  }
}

const children: ChildProcess[] = [];
const postgres = await startLocalPostgres({
  dataDir: path.join(os.tmpdir(), `brokerage-bench-${randomBytes(4).toString("hex")}`),
  port: await freePort(),
  persistent: false,
  database: "bench",
});
async function cleanUp() {
  await Promise.all(children.map((child) => stopChild(child, "SIGTERM", 8_000)));
  await postgres.stop();
}
process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

try {
  await main();
} finally {
  await cleanUp();
}

async function main() {
  const databaseUrl = postgres.url;
  await prepareDatabase(databaseUrl);
  const serverEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    OTP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const [rawPort, apiPort, portalPort] = [await freePort(), await freePort(), await freePort()];
  const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

  const start = (args: string[], cwd: string, port: number) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...serverEnv, PORT: String(port), HOST: "127.0.0.1" } });
    children.push(child);
  };
  start([tsxCli, path.join(repo, "bench/src/raw-server.ts")], repo, rawPort);
  start([apiBundle], path.join(repo, "apps/api"), apiPort);
  // The portal's production start (scripts/start.ts: its node:http front door before Next).
  start(["--import", "tsx", "scripts/start.ts"], portalDir, portalPort);
  const raw = `http://127.0.0.1:${rawPort}`;
  const api = `http://127.0.0.1:${apiPort}`;
  const portal = `http://localhost:${portalPort}`;
  await Promise.all([waitForHttp(`${api}/health/live`, 60_000), waitForHttp(`${portal}/api/health`, 120_000), waitForRaw(raw)]);
  log(`servers up (raw ${rawPort}, API server ${apiPort}, portal ${portalPort}); ${SECONDS} s a measurement, ${os.cpus().length} cores`);

  // Fixtures: customers with the same password (one hash), each signed in once.
  const PASSWORD = "Bench-Password-2026";
  const db = createPrismaClient(databaseUrl, { max: 4 });
  const brand = await db.brand.findUniqueOrThrow({ where: { code: "default" } });
  const passwordHash = await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const customers = await Promise.all(
    Array.from({ length: 32 }, (_, i) =>
      db.customer.create({
        data: { brandId: brand.id, email: `bench${i}@example.com`, passwordHash, firstName: "Bench", lastName: `No${i}`, emailVerifiedAt: new Date() },
        select: { email: true },
      }),
    ),
  );
  const signIn = async (email: string) => {
    const response = await fetch(`${api}/customer/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
    if (!response.ok) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { __token: string; refresh_token: string; device_token?: string };
  };
  const sessions: Awaited<ReturnType<typeof signIn>>[] = [];
  for (const c of customers) sessions.push(await signIn(c.email));
  const reader = sessions[0]!;
  for (let i = 0; i < 3; i++) {
    await fetch(`${api}/customer/account/open`, { method: "POST", headers: { authorization: `Bearer ${reader.__token}`, "content-type": "application/json" }, body: JSON.stringify({ group: "demo-usd" }) });
  }

  const rows: { what: string; result: LoadResult; baseline: LoadResult; goal: number }[] = [];

  // 1. The session-accounts read (seed 002), over each server.
  const bearer = { authorization: `Bearer ${reader.__token}` };
  const rawRead = await hammer({ url: `${raw}/customer/session/accounts`, headers: bearer, seconds: SECONDS });
  rows.push({ what: "read: API server REST", result: await hammer({ url: `${api}/customer/session/accounts`, headers: bearer, seconds: SECONDS }), baseline: rawRead, goal: 0.5 });
  rows.push({ what: "read: API server tRPC", result: await hammer({ url: `${api}/trpc/session.accounts`, headers: bearer, seconds: SECONDS }), baseline: rawRead, goal: 0.5 });
  rows.push({ what: "read: portal REST", result: await hammer({ url: `${portal}/customer/session/accounts`, headers: bearer, seconds: SECONDS }), baseline: rawRead, goal: 0 });
  rows.push({ what: "read: portal tRPC", result: await hammer({ url: `${portal}/api/trpc/session.accounts`, headers: bearer, seconds: SECONDS }), baseline: rawRead, goal: 0 });

  // 2. Sign-in against the raw argon2id verify of the same hash, at the same concurrency
  // (kept under the per-address throttle's ceiling: every try holds a point until it is
  // known to be right).
  const LOGIN_WORKERS = 16;
  const rawVerify = await closedLoop(LOGIN_WORKERS, SECONDS, async () => {
    if (!(await verify(passwordHash, PASSWORD))) throw new Error("verify failed");
  });
  const login = await closedLoop(LOGIN_WORKERS, SECONDS, async (worker) => {
    const s = sessions[worker]!;
    const response = await fetch(`${api}/customer/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: customers[worker]!.email, password: PASSWORD, ...(s.device_token ? { device_token: s.device_token } : {}) }),
    });
    if (!response.ok) throw new Error(String(response.status));
    await response.arrayBuffer();
  });
  rows.push({ what: "login: API server vs argon2id verify", result: login, baseline: rawVerify, goal: 0.8 });

  // 3. Refresh rotations: 32 chains, each using the token its previous call returned.
  const chains = sessions.map((s) => s.refresh_token);
  const refresh = await closedLoop(32, SECONDS, async (worker) => {
    const response = await fetch(`${api}/customer/auth/refresh`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refresh_token: chains[worker] }) });
    if (!response.ok) throw new Error(String(response.status));
    const rotated = (await response.json()) as { __token: string; refresh_token: string };
    chains[worker] = rotated.refresh_token;
    // A rotation ends the old access token too: later measurements use the new one.
    sessions[worker]!.__token = rotated.__token;
  });
  const perSecond: LoadResult = { rate: 120, p99Ms: 0, errors: 0 };
  rows.push({ what: "refresh: API server (1 process) vs 120/s", result: refresh, baseline: perSecond, goal: 1 });

  // 4. Openings at 32 concurrent, against what an opening asks of the simulator itself
  // (create the account and apply the default deposit), also at 32 concurrent.
  const simulator = createSimulatorCore({ connectionString: databaseUrl });
  const coreOwn = await closedLoop(32, SECONDS, async () => {
    const key = randomBytes(8).toString("hex");
    const { login: created } = await simulator.core.createAccount({ idempotencyKey: `bench:${key}`, group: "demo-usd", currency: "USD", leverage: 100, name: "Bench", email: "bench@example.com", passwords: { main: "Bench-Trading-1!" } });
    await simulator.core.balanceOperation({ idempotencyKey: `bench:${key}:deposit`, login: created, type: "deposit", amount: "10000.00", comment: "bench" });
  });
  await simulator.close();
  const opening = await closedLoop(32, SECONDS, async (worker) => {
    const response = await fetch(`${api}/customer/account/open`, { method: "POST", headers: { authorization: `Bearer ${sessions[worker]!.__token}`, "content-type": "application/json" }, body: JSON.stringify({ group: "demo-usd" }) });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  });
  rows.push({ what: "opening: API server vs simulator create+deposit", result: opening, baseline: coreOwn, goal: 0.8 });
  await db.$disconnect();

  report(rows);
}

async function waitForRaw(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("the raw server did not start");
}

function report(rows: { what: string; result: LoadResult; baseline: LoadResult; goal: number }[]) {
  const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 0);
  console.log("\n| measurement | rate/s | p99 ms | errors | baseline/s | ratio | goal |");
  console.log("|---|---|---|---|---|---|---|");
  let failed = false;
  for (const { what, result, baseline, goal } of rows) {
    const ratio = result.rate / baseline.rate;
    const bad = goal > 0 && ratio < goal / 2;
    failed ||= bad;
    if (result.firstError) console.error(`[bench] ${what}: ${result.errors} errors, the first: ${result.firstError}`);
    console.log(`| ${what} | ${fmt(result.rate)} | ${fmt(result.p99Ms)} | ${result.errors} | ${fmt(baseline.rate)} | ${ratio.toFixed(2)}x${bad ? " FAIL" : ""} | ${goal > 0 ? `>= ${goal}x` : "-"} |`);
  }
  console.log("");
  if (check && failed) {
    console.error("[bench] a ratio fell below half its goal");
    process.exitCode = 1;
  }
}
