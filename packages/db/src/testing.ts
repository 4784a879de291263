// Test databases: one PostgreSQL cluster per test run (embedded, or the server named by
// TEST_DATABASE_URL), a migrated template, and a fresh database per test file cloned
// from it, so no two test files (or runs) share state.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "./embedded-postgres";
import { env } from "./env";
import { MIGRATIONS_DIR, runMigrations } from "./migrate";

export interface TestCluster {
  /** URL of the cluster's `postgres` database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function startTestCluster(): Promise<TestCluster> {
  if (env.TEST_DATABASE_URL) {
    return { adminUrl: withDatabase(env.TEST_DATABASE_URL, "postgres"), stop: async () => {} };
  }
  const dataDir = path.join(os.tmpdir(), `brokerage-test-pg-${randomBytes(6).toString("hex")}`);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  return { adminUrl: server.url("postgres"), stop: () => server.stop() };
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface ExtraMigrations {
  dir: string;
  schema: string;
}

/** Creates a database with every migration applied; test databases are cloned from it. */
export async function createTemplateDatabase(
  adminUrl: string,
  extra: ExtraMigrations[] = [],
): Promise<string> {
  const name = `tpl_${randomBytes(6).toString("hex")}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
  const url = withDatabase(adminUrl, name);
  await runMigrations({ connectionString: url, dir: MIGRATIONS_DIR });
  for (const m of extra) await runMigrations({ connectionString: url, dir: m.dir, schema: m.schema });
  return name;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createEmptyDatabase(adminUrl: string): Promise<TestDatabase> {
  return createDatabase(adminUrl, undefined);
}

export async function createTestDatabase(adminUrl: string, template: string): Promise<TestDatabase> {
  return createDatabase(adminUrl, template);
}

async function createDatabase(adminUrl: string, template: string | undefined): Promise<TestDatabase> {
  const name = `t_${randomBytes(8).toString("hex")}`;
  await admin(adminUrl, (c) =>
    c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`),
  );
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => dropDatabase(adminUrl, name),
  };
}

/**
 * Drops a test database. A pool's `end()` resolves before its sockets have closed, and a
 * forced drop would then kill those backends mid-goodbye, which reaches the test process
 * as an uncaught "terminating connection" error (a green run turned red). So it waits up
 * to 3 s for the database's other connections to go, and only then forces what is left.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, async (c) => {
    for (let waited = 0; waited < 3000; waited += 50) {
      const { rows } = await c.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      if ((rows[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  });
}

/**
 * A test run's databases (a vitest globalSetup calls it): one PostgreSQL for the run and a
 * migrated template (with the `extra` migrations) that every test file clones.
 */
export async function startTestDatabases(extra: ExtraMigrations[] = []) {
  const cluster = await startTestCluster();
  const templateDb = await createTemplateDatabase(cluster.adminUrl, extra);
  return {
    adminUrl: cluster.adminUrl,
    templateDb,
    async stop() {
      await dropDatabase(cluster.adminUrl, templateDb);
      await cluster.stop();
    },
  };
}
