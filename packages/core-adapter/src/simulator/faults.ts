// Fault injection for tests and demos. The switch is stored in core_sim so that any
// process holding the connection string (a test runner, a script) can break the
// simulator that serves a portal running in another process.
import type pg from "pg";
import { CORE_OPERATIONS, type CoreOperation } from "../trading-core";

export type FaultMode = "fail" | "lose-reply";

export interface PendingFault {
  operation: CoreOperation;
  mode: FaultMode;
  remaining: number;
}

export interface FaultState {
  unavailable: boolean;
  latencyMs: number;
  pending: PendingFault[];
}

export interface FaultSwitch {
  /** While on, every call throws CoreUnavailableError. */
  setUnavailable(on: boolean): Promise<void>;
  /** The next `count` calls of `operation` throw CoreUnavailableError before doing anything. Replaces an earlier count; 0 clears. */
  failNext(operation: CoreOperation, count: number): Promise<void>;
  /** The next `count` calls of `operation` commit their change, then throw CoreUnavailableError. Replaces an earlier count; 0 clears. */
  loseNextReply(operation: CoreOperation, count: number): Promise<void>;
  /** Every call waits this long first; at or beyond the core's timeoutMs it throws CoreUnavailableError without doing anything. */
  setLatency(ms: number): Promise<void>;
  reset(): Promise<void>;
  state(): Promise<FaultState>;
}

function checkOperation(operation: CoreOperation): void {
  if (!CORE_OPERATIONS.includes(operation))
    throw new TypeError(`Unknown core operation: ${String(operation)}`);
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

export function createFaultSwitch(pool: pg.Pool): FaultSwitch {
  const setPending = async (operation: CoreOperation, mode: FaultMode, count: number) => {
    checkOperation(operation);
    checkCount("count", count);
    await pool.query(
      `INSERT INTO core_sim.faults (operation, mode, remaining) VALUES ($1, $2, $3)
       ON CONFLICT (operation, mode) DO UPDATE SET remaining = EXCLUDED.remaining`,
      [operation, mode, count],
    );
  };
  return {
    async setUnavailable(on) {
      await pool.query("UPDATE core_sim.fault_settings SET unavailable = $1, updated_at = now()", [
        on,
      ]);
    },
    failNext: (operation, count) => setPending(operation, "fail", count),
    loseNextReply: (operation, count) => setPending(operation, "lose-reply", count),
    async setLatency(ms) {
      checkCount("latency", ms);
      await pool.query("UPDATE core_sim.fault_settings SET latency_ms = $1, updated_at = now()", [
        ms,
      ]);
    },
    async reset() {
      await pool.query(
        `WITH cleared AS (DELETE FROM core_sim.faults)
         UPDATE core_sim.fault_settings SET unavailable = FALSE, latency_ms = 0, updated_at = now()`,
      );
    },
    async state() {
      const settings = await readSettings(pool);
      const { rows } = await pool.query<PendingFault>(
        `SELECT operation, mode, remaining FROM core_sim.faults WHERE remaining > 0 ORDER BY operation, mode`,
      );
      return { unavailable: settings.unavailable, latencyMs: settings.latencyMs, pending: rows };
    },
  };
}

interface Settings {
  unavailable: boolean;
  latencyMs: number;
}

async function readSettings(pool: pg.Pool): Promise<Settings> {
  const { rows } = await pool.query<{ unavailable: boolean; latency_ms: number }>(
    "SELECT unavailable, latency_ms FROM core_sim.fault_settings",
  );
  const row = rows[0];
  return { unavailable: row?.unavailable ?? false, latencyMs: row?.latency_ms ?? 0 };
}

export interface CallFaults extends Settings {
  /** Whether a "next N" fault waits for this operation; saves two queries on most calls. */
  pending: boolean;
}

/** One round trip per call in the common case where nothing is injected. */
export async function readCallFaults(pool: pg.Pool, operation: CoreOperation): Promise<CallFaults> {
  const { rows } = await pool.query<{
    unavailable: boolean | null;
    latency_ms: number | null;
    pending: boolean;
  }>(
    `SELECT s.unavailable, s.latency_ms,
            EXISTS (SELECT 1 FROM core_sim.faults f WHERE f.operation = $1 AND f.remaining > 0) AS pending
       FROM (SELECT 1) AS one LEFT JOIN core_sim.fault_settings s ON TRUE`,
    [operation],
  );
  const row = rows[0];
  return {
    unavailable: row?.unavailable ?? false,
    latencyMs: row?.latency_ms ?? 0,
    pending: row?.pending ?? false,
  };
}

/**
 * Takes one unit of a "next N" fault. The row lock taken by UPDATE makes concurrent
 * callers queue, and each re-checks `remaining > 0` on the version it finally sees, so
 * exactly N callers get `true`.
 */
export async function consumeFault(
  pool: pg.Pool,
  operation: CoreOperation,
  mode: FaultMode,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE core_sim.faults SET remaining = remaining - 1
      WHERE operation = $1 AND mode = $2 AND remaining > 0
      RETURNING remaining`,
    [operation, mode],
  );
  return rowCount === 1;
}
