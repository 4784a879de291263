import pg from "pg";
import { CoreUnavailableError, isCoreError, type CoreError } from "../errors";

export function createPool(options: {
  connectionString: string;
  poolSize: number;
  timeoutMs: number;
}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    // Waiting for a connection (or a free pool slot) counts against the call's timeout.
    connectionTimeoutMillis: options.timeoutMs,
    application_name: "core-simulator",
  });
  // An idle connection dropped by the server (a restart, a failover) emits 'error' on the
  // pool; unhandled, that would crash the portal. The next call reports it instead.
  pool.on("error", () => {});
  return pool;
}

/** Runs `work` in one transaction on one connection; any throw rolls everything back. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
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

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
]);

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    // SQLSTATE classes 08 (connection exception) and 57P (server shutting down / starting).
    if (CONNECTION_ERROR_CODES.has(code) || code.startsWith("08") || code.startsWith("57P"))
      return true;
    if (code === "3D000") return true; // the simulator's database does not exist
  }
  return /connection terminated|timeout exceeded when trying to connect|pool after calling end/i.test(
    error.message,
  );
}

/**
 * A real core's adapter cannot tell a crashed core from a broken network: whatever goes
 * wrong below the simulator's own rules is "the core did not answer", with the outcome
 * unknown, so the portal retries with the same idempotency key instead of guessing.
 */
export function asCoreError(error: unknown): CoreError {
  if (isCoreError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CoreUnavailableError(
    isConnectionFailure(error) ? "unreachable" : "unavailable",
    `Trading core simulator failed: ${message}`,
    { cause: error },
  );
}
