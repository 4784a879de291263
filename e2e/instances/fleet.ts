// The fleet under test, started once by Playwright's globalSetup in the runner process:
// one embedded PostgreSQL (migrated and seeded), the machine's Redis under a key prefix of
// this run, a real SMTP server per portal that records every Message-ID it receives, two API servers
// (apps/api/dist/main.mjs) and two portals (the production start, from the build the e2e
// suite made), and HAProxy in front of each pair, as an operator would run them. What the
// tests need (URLs, pids, the database URL, where the SMTP log is) goes to the workers in
// FLEET_FILE. The returned teardown stops everything and removes every trace.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@brokerage/db/embedded";
import { startLocalPostgres, type LocalPostgres } from "@brokerage/portal/scripts/local-postgres";
import { prepareDatabase } from "@brokerage/portal/scripts/prepare-database";
import { stopChild, waitForHttp } from "@brokerage/portal/scripts/processes";
import { Redis } from "ioredis";
import { SMTPServer } from "smtp-server";
import { fleetFile, HOLD_MS, HOLD_RECIPIENT, type Delivery, type Fleet, type InstanceName } from "./fleet-state";

const log = (line: string) => console.log(`[fleet] ${line}`);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const portalDir = path.join(repo, "apps", "portal");
const apiServer = path.join(repo, "apps", "api", "dist", "main.mjs");

/** Resolves once `url` answers 200, rejects after `timeoutMs`. */
async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  await waitForHttp(url, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
    if (response?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${response?.status})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function haproxyConfig(ports: Fleet["ports"]): string {
  const backend = (name: string, health: string, a: number, b: number) => `
backend ${name}
  balance roundrobin
  option httpchk GET ${health}
  http-response set-header X-Served-By %[srv_name]
  # The tests pin a request to one instance with this header; anything else is spread.
  use-server a if { req.hdr(x-instance) -m str a }
  use-server b if { req.hdr(x-instance) -m str b }
  # Lenient checks: on a loaded machine a readiness answer can take seconds, and a server
  # marked down would ignore the use-server pin.
  server a 127.0.0.1:${a} check inter 3s fall 5 rise 1
  server b 127.0.0.1:${b} check inter 3s fall 5 rise 1
`;
  return `global
  maxconn 1024

defaults
  mode http
  option forwardfor
  option redispatch
  retries 3
  timeout connect 5s
  timeout client 120s
  timeout server 120s
  timeout check 20s

frontend portals
  bind 127.0.0.1:${ports.portalLb}
  bind [::1]:${ports.portalLb}
  default_backend portals

frontend apis
  bind 127.0.0.1:${ports.apiLb}
  bind [::1]:${ports.apiLb}
  default_backend apis
${backend("portals", "/api/health/ready", ports.portalA, ports.portalB)}${backend("apis", "/health/ready", ports.apiA, ports.apiB)}`;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stateDir = process.env.E2E_STATE_DIR;
  if (!stateDir) throw new Error("E2E_STATE_DIR is not set: run through `playwright test -c instances`");
  for (const [what, file] of [
    ["the portal (pnpm --filter @brokerage/portal build)", path.join(portalDir, ".next", "BUILD_ID")],
    ["the API server (pnpm --filter @brokerage/api-server build)", apiServer],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${what} is not built; turbo's test:e2e builds it`);
  }
  const haproxy = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";
  if (!existsSync(haproxy)) throw new Error(`HAProxy is not installed at ${haproxy} (.ci/run installs Debian's haproxy)`);

  const children: { name: string; child: ChildProcess }[] = [];
  let postgres: LocalPostgres | undefined;
  const smtpServers: SMTPServer[] = [];
  let redis: Redis | undefined;
  const redisPrefix = `multi-instance-test:${randomBytes(6).toString("hex")}:`;

  const teardown = async () => {
    log("stopping");
    for (const { child } of [...children].reverse()) await stopChild(child, "SIGTERM", 10_000);
    for (const server of smtpServers) await new Promise<void>((resolve) => server.close(() => resolve()));
    if (redis) {
      const keys = await redis.keys(`${redisPrefix}*`).catch(() => []);
      if (keys.length > 0) await redis.del(...keys).catch(() => undefined);
      redis.disconnect();
    }
    await postgres?.stop().catch((error: unknown) => console.error("[fleet] PostgreSQL did not stop cleanly:", error));
    rmSync(stateDir, { recursive: true, force: true });
    log("stopped");
  };

  try {
    const redisUrl = process.env.MULTI_INSTANCE_REDIS_URL ?? "redis://127.0.0.1:6379";
    redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on("error", () => undefined);
    await redis.connect().catch((error: unknown) => {
      throw new Error(`Redis does not answer at ${redisUrl} (.ci/run starts redis-server when nothing answers)`, { cause: error });
    });

    const started = performance.now();
    postgres = await startLocalPostgres({
      dataDir: `${stateDir}-postgres`,
      port: await freePort(),
      persistent: false,
      database: "portal",
    });
    await prepareDatabase(postgres.url);
    log(`database ready after ${Math.round(performance.now() - started)} ms`);

    // One SMTP server per portal: each accepts everything and records every message's
    // Message-ID and recipients, one JSON line per message, when the message has arrived
    // and before it answers. Portal b's server holds its answer to HOLD_RECIPIENT's messages for
    // a while, so a test can stop portal b while it holds a message the server already has.
    const smtpLog = path.join(stateDir, "smtp.jsonl");
    writeFileSync(smtpLog, "");
    const smtpPorts = {} as Record<InstanceName, number>;
    for (const name of ["a", "b"] as const) {
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const headers = text.split(/\r?\n\r?\n/, 1)[0] ?? "";
            const messageId = /^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? null;
            const subject = /^subject:\s*(.*)$/im.exec(headers)?.[1] ?? null;
            const to = session.envelope.rcptTo.map((r) => r.address);
            const held = name === "b" && to.some((address) => HOLD_RECIPIENT.test(address));
            const delivery: Delivery = { messageId, to, subject, at: Date.now(), server: name, held };
            appendFileSync(smtpLog, `${JSON.stringify(delivery)}\n`);
            if (held) setTimeout(callback, HOLD_MS);
            else callback();
          });
        },
      });
      smtpServers.push(server);
      smtpPorts[name] = await freePort();
      await new Promise<void>((resolve) => server.listen(smtpPorts[name], "127.0.0.1", () => resolve()));
    }

    const ports: Fleet["ports"] = {
      portalA: await freePort(),
      portalB: await freePort(),
      apiA: await freePort(),
      apiB: await freePort(),
      portalLb: await freePort(),
      apiLb: await freePort(),
      metricsPortalA: await freePort(),
      metricsPortalB: await freePort(),
      metricsApiA: await freePort(),
      metricsApiB: await freePort(),
    };
    const portalUrl = `http://localhost:${ports.portalLb}`;
    // One set of secrets for every instance, as a deployment has.
    const shared = {
      DATABASE_URL: postgres.url,
      OTP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      PAYMENT_WEBHOOK_SECRET: randomBytes(32).toString("base64url"),
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisPrefix,
      // HAProxy on loopback is the one proxy in front.
      TRUST_PROXY: "127.0.0.1/32,::1/128",
      PORTAL_BASE_URL: portalUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      // Every test signs up from the one loopback address, through the API servers and the
      // portals: the per-address ceilings are the instances' shared counters, so all four
      // get the same ones (the mail test's sign-ups alone may pass the default 20 an hour).
      SIGNUP_LIMIT_PER_ADDRESS: "100000",
      SMS_LIMIT_PER_ADDRESS: "100000",
    };
    const { NODE_ENV: _ignored, ...inherited } = process.env;
    const start = (name: string, command: string[], cwd: string, env: Record<string, string>) => {
      const child = spawn(process.execPath, command, { cwd, stdio: ["ignore", "inherit", "inherit"], env: { ...inherited, ...shared, ...env } });
      child.once("exit", (code, signal) => log(`${name} exited (${signal ?? `code ${code}`})`));
      children.push({ name, child });
      return child;
    };
    const authSecret = randomBytes(32).toString("base64url");
    const pids = {} as Record<`portal${Uppercase<InstanceName>}` | `api${Uppercase<InstanceName>}`, number>;
    for (const name of ["a", "b"] as const) {
      const upper = name.toUpperCase() as Uppercase<InstanceName>;
      const api = start(`api-${name}`, [apiServer], path.dirname(apiServer), {
        PORT: String(ports[`api${upper}`]),
        HOST: "127.0.0.1",
        DATABASE_POOL_SIZE: "4",
        METRICS_PORT: String(ports[`metricsApi${upper}`]),
      });
      const portal = start(`portal-${name}`, ["--import", "tsx", "scripts/start.ts"], portalDir, {
        PORT: String(ports[`portal${upper}`]),
        AUTH_SECRET: authSecret,
        AUTH_TRUST_HOST: "true",
        SMTP_URL: `smtp://127.0.0.1:${smtpPorts[name]}`,
        MAIL_FROM: "portal@example.com",
        DEV_MAILBOX: "true",
        DISPATCH_INTERVAL_MS: "500",
        RECOVERY_INTERVAL_MS: "2000",
        METRICS_PORT: String(ports[`metricsPortal${upper}`]),
      });
      pids[`api${upper}`] = api.pid!;
      pids[`portal${upper}`] = portal.pid!;
    }
    // Generous: on a shared 2-core machine a cold start takes minutes. A child that exits
    // ends the wait at once, saying which.
    const exited = new Promise<never>((_, reject) => {
      for (const { name, child } of children) {
        child.once("exit", (code, signal) => reject(new Error(`${name} exited (${signal ?? `code ${code}`}) during start-up`)));
      }
    });
    exited.catch(() => undefined);
    await Promise.race([
      exited,
      Promise.all(
        [ports.apiA, ports.apiB].map((port) => waitForOk(`http://127.0.0.1:${port}/health/ready`, 300_000)).concat(
          [ports.portalA, ports.portalB].map((port) => waitForOk(`http://127.0.0.1:${port}/api/health/ready`, 420_000)),
        ),
      ),
    ]);

    const config = path.join(stateDir, "haproxy.cfg");
    writeFileSync(config, haproxyConfig(ports));
    const lb = spawn(haproxy, ["-db", "-f", config], { stdio: ["ignore", "inherit", "inherit"] });
    children.push({ name: "haproxy", child: lb });
    await Promise.all([waitForOk(`${portalUrl}/api/health/ready`, 30_000), waitForOk(`http://localhost:${ports.apiLb}/health/ready`, 30_000)]);
    log(`ready after ${Math.round(performance.now() - started)} ms: portals ${portalUrl}, API http://localhost:${ports.apiLb}`);

    const fleet: Fleet = {
      portalUrl,
      portalDirectUrl: `http://127.0.0.1:${ports.portalLb}`,
      apiUrl: `http://127.0.0.1:${ports.apiLb}`,
      databaseUrl: postgres.url,
      redisUrl,
      redisPrefix,
      smtpLog,
      ports,
      pids,
    };
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(fleetFile(stateDir), JSON.stringify(fleet), { mode: 0o600 });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
