// At-most-once execution per idempotency key. The key row is claimed in the same
// transaction as the change it guards, so the change and the remembered result commit (or
// vanish) together. Refused requests roll back and are not remembered: nothing happened,
// so a retry is judged afresh.
import { createHash } from "node:crypto";
import type pg from "pg";
import { PaymentRejectedError } from "../errors";
import { inTransaction } from "./database";

const MAX_KEY_LENGTH = 200;

export function checkIdempotencyKey(key: string): void {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new PaymentRejectedError(
      "invalid_request",
      `Idempotency key must be 1 to ${MAX_KEY_LENGTH} characters`,
    );
  }
}

export interface IdempotentRequest {
  key: string;
  operation: "createPayment" | "createPayout";
  /** The request's fields; two requests are the same when these are. */
  request: unknown;
}

/**
 * Runs `effect` once per key and returns the id it made. A concurrent caller with the same
 * key blocks on the key's primary key until the first transaction ends: after a commit it
 * reads the stored id, after a rollback it claims the key itself.
 */
export async function runIdempotent(
  pool: pg.Pool,
  request: IdempotentRequest,
  effect: (client: pg.PoolClient) => Promise<string>,
): Promise<string> {
  checkIdempotencyKey(request.key);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([request.operation, request.request]))
    .digest("hex");
  return inTransaction(pool, async (client) => {
    const claim = await client.query(
      `INSERT INTO payment_sim.idempotency_keys (key, operation, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO NOTHING`,
      [request.key, request.operation, fingerprint],
    );
    if (claim.rowCount === 1) {
      const id = await effect(client);
      await client.query("UPDATE payment_sim.idempotency_keys SET result_id = $2 WHERE key = $1", [
        request.key,
        id,
      ]);
      return id;
    }
    const { rows } = await client.query<{
      operation: string;
      request_hash: string;
      result_id: string | null;
    }>(
      "SELECT operation, request_hash, result_id FROM payment_sim.idempotency_keys WHERE key = $1",
      [request.key],
    );
    const stored = rows[0];
    if (!stored?.result_id) throw new Error(`Idempotency key ${request.key} has no stored result`);
    if (stored.operation !== request.operation || stored.request_hash !== fingerprint) {
      throw new PaymentRejectedError(
        "idempotency_conflict",
        `Idempotency key ${request.key} was already used for a different request`,
      );
    }
    return stored.result_id;
  });
}
