// Fault injection for tests and demos. The switch is stored in payment_sim so that any
// process holding the connection string (a test runner, a script) can break the simulator
// that serves a portal running in another process.
import type pg from "pg";
import type { Queryable } from "./database";

export type LoseReplyOperation = "createPayment" | "createPayout";
const LOSE_REPLY_OPERATIONS: readonly LoseReplyOperation[] = ["createPayment", "createPayout"];

export interface PaymentFaultState {
  /** Every provider API call (create/get payment/payout) throws PaymentUnavailableError. */
  unavailable: boolean;
  /** Every card presented on the hosted page is declined, test card 4242 included. */
  declineAll: boolean;
  /** settlePayouts fails every pending payout instead of paying it. */
  payoutsFail: boolean;
  /** A webhook is not sent before it is this old. */
  webhookDelayMs: number;
  /** Each webhook is sent twice (same event id, same body). */
  webhookDuplicate: boolean;
  /** Each batch of webhooks is sent newest first. */
  webhookOutOfOrder: boolean;
  /** Webhooks are marked sent without being sent: only polling finds the new state. */
  webhookLost: boolean;
  /** Calls whose reply will be lost after they are applied. */
  loseReply: { operation: LoseReplyOperation; remaining: number }[];
}

export interface PaymentFaultSwitch {
  setUnavailable(on: boolean): Promise<void>;
  setDeclineAll(on: boolean): Promise<void>;
  setPayoutsFail(on: boolean): Promise<void>;
  setWebhookDelay(ms: number): Promise<void>;
  setWebhookDuplicate(on: boolean): Promise<void>;
  setWebhookOutOfOrder(on: boolean): Promise<void>;
  setWebhookLost(on: boolean): Promise<void>;
  /** The next `count` calls of `operation` are applied, then throw PaymentUnavailableError("reply_lost"). Replaces an earlier count; 0 clears. */
  loseNextReply(operation: LoseReplyOperation, count: number): Promise<void>;
  reset(): Promise<void>;
  state(): Promise<PaymentFaultState>;
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

function checkFlag(on: boolean): void {
  if (typeof on !== "boolean") throw new TypeError("Expected true or false");
}

type SettingColumn =
  | "unavailable"
  | "decline_all"
  | "payouts_fail"
  | "webhook_delay_ms"
  | "webhook_duplicate"
  | "webhook_out_of_order"
  | "webhook_lost";

interface SettingsRow {
  unavailable: boolean;
  decline_all: boolean;
  payouts_fail: boolean;
  webhook_delay_ms: number;
  webhook_duplicate: boolean;
  webhook_out_of_order: boolean;
  webhook_lost: boolean;
}

export type FaultSettings = Omit<PaymentFaultState, "loseReply">;

export async function readSettings(db: Queryable): Promise<FaultSettings> {
  const { rows } = await db.query<SettingsRow>("SELECT * FROM payment_sim.fault_settings");
  const row = rows[0];
  return {
    unavailable: row?.unavailable ?? false,
    declineAll: row?.decline_all ?? false,
    payoutsFail: row?.payouts_fail ?? false,
    webhookDelayMs: row?.webhook_delay_ms ?? 0,
    webhookDuplicate: row?.webhook_duplicate ?? false,
    webhookOutOfOrder: row?.webhook_out_of_order ?? false,
    webhookLost: row?.webhook_lost ?? false,
  };
}

export function createPaymentFaultSwitch(pool: pg.Pool): PaymentFaultSwitch {
  // Column names come from the fixed union above, never from a caller.
  const set = async (column: SettingColumn, value: boolean | number) => {
    await pool.query(`UPDATE payment_sim.fault_settings SET ${column} = $1, updated_at = now()`, [
      value,
    ]);
  };
  const flag = (column: SettingColumn) => async (on: boolean) => {
    checkFlag(on);
    await set(column, on);
  };
  return {
    setUnavailable: flag("unavailable"),
    setDeclineAll: flag("decline_all"),
    setPayoutsFail: flag("payouts_fail"),
    setWebhookDuplicate: flag("webhook_duplicate"),
    setWebhookOutOfOrder: flag("webhook_out_of_order"),
    setWebhookLost: flag("webhook_lost"),
    async setWebhookDelay(ms) {
      checkCount("delay", ms);
      if (ms > 2_147_483_647) throw new RangeError("delay is too large");
      await set("webhook_delay_ms", ms);
    },
    async loseNextReply(operation, count) {
      if (!LOSE_REPLY_OPERATIONS.includes(operation))
        throw new TypeError(`Replies can be lost for ${LOSE_REPLY_OPERATIONS.join(" and ")} only`);
      checkCount("count", count);
      await pool.query(
        `INSERT INTO payment_sim.faults (operation, remaining) VALUES ($1, $2)
         ON CONFLICT (operation) DO UPDATE SET remaining = EXCLUDED.remaining`,
        [operation, count],
      );
    },
    async reset() {
      await pool.query(
        `WITH cleared AS (DELETE FROM payment_sim.faults)
         UPDATE payment_sim.fault_settings SET unavailable = FALSE, decline_all = FALSE,
           payouts_fail = FALSE, webhook_delay_ms = 0, webhook_duplicate = FALSE,
           webhook_out_of_order = FALSE, webhook_lost = FALSE, updated_at = now()`,
      );
    },
    async state() {
      const settings = await readSettings(pool);
      const { rows } = await pool.query<{ operation: LoseReplyOperation; remaining: number }>(
        "SELECT operation, remaining FROM payment_sim.faults WHERE remaining > 0 ORDER BY operation",
      );
      return { ...settings, loseReply: rows };
    },
  };
}

/**
 * Takes one unit of a lost-reply fault. The row lock taken by UPDATE makes concurrent
 * callers queue, so exactly N callers get `true`.
 */
export async function consumeLoseReply(
  pool: pg.Pool,
  operation: LoseReplyOperation,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE payment_sim.faults SET remaining = remaining - 1
      WHERE operation = $1 AND remaining > 0 RETURNING remaining`,
    [operation],
  );
  return rowCount === 1;
}
