// Plain `pg` access for the simulators that keep their own schemas beside the portal's
// (the trading core's `core_sim`, the payment provider's `payment_sim`): a pool that does
// not crash the process when the server drops a connection, one-connection transactions,
// and the test that tells "the database did not answer" from a refusal.
import pg from "pg";

export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

export function createPool(options: { connectionString: string; poolSize: number; timeoutMs: number; applicationName: string }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    // Waiting for a connection (or a free pool slot) counts against the call's timeout.
    connectionTimeoutMillis: options.timeoutMs,
    application_name: options.applicationName,
  });
  // An idle connection dropped by the server (a restart, a failover) emits 'error' on the
  // pool; unhandled, that would crash the portal. The next call reports it instead.
  pool.on("error", () => {});
  return pool;
}

/** Runs `work` in one transaction on one connection; any throw rolls everything back. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that cannot even roll back is destroyed rather than reused.
    client.release(broken);
  }
}

const CONNECTION_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);

/** The database could not be reached or went away (not: it refused a statement). */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    // SQLSTATE classes 08 (connection exception) and 57P (server shutting down / starting).
    if (CONNECTION_ERROR_CODES.has(code) || code.startsWith("08") || code.startsWith("57P")) return true;
    if (code === "3D000") return true; // the database does not exist
  }
  return /connection terminated|timeout exceeded when trying to connect|pool after calling end/i.test(error.message);
}
