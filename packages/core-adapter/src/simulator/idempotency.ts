// At-most-once execution per idempotency key. The key row is claimed in the same
// transaction as the change it guards, so the change and the remembered result commit
// (or vanish) together. Refused requests (insufficient funds...) roll back and are not
// remembered: nothing happened, so a retry is judged afresh.
import { createHash } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type pg from "pg";
import { CoreRejectedError } from "../errors";
import type { CoreOperation } from "../trading-core";
import { inTransaction } from "./database";

export interface IdempotentRequest {
  key: string;
  operation: CoreOperation;
  /** The request's fields, in a fixed order; two requests are the same when these are. */
  request: Record<string, string | number | boolean | null>;
  /**
   * Passwords that are part of the request. A sha256 of them would be a fast, unsalted
   * password hash sitting next to the argon2 ones, so they are compared with argon2.
   */
  secret?: string;
}

interface StoredKey {
  operation: string;
  request_hash: string;
  secret_hash: string | null;
  result: unknown;
}

const MAX_KEY_LENGTH = 200;

export function checkIdempotencyKey(key: string): void {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new CoreRejectedError(
      "invalid_request",
      `Idempotency key must be 1 to ${MAX_KEY_LENGTH} characters`,
    );
  }
}

export function requestHash(
  operation: CoreOperation,
  request: IdempotentRequest["request"],
): string {
  return createHash("sha256")
    .update(JSON.stringify([operation, request]))
    .digest("hex");
}

const conflict = (key: string) =>
  new CoreRejectedError(
    "idempotency_conflict",
    `Idempotency key ${key} was already used for a different request`,
  );

/**
 * Runs `effect` once per key. A concurrent caller with the same key blocks on the key's
 * primary key until the first transaction ends: after a commit it reads the stored
 * result, after a rollback it claims the key itself.
 */
export async function runIdempotent<T>(
  pool: pg.Pool,
  request: IdempotentRequest,
  effect: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  checkIdempotencyKey(request.key);
  const fingerprint = requestHash(request.operation, request.request);
  return inTransaction(pool, async (client) => {
    const claim = await client.query(
      `INSERT INTO core_sim.idempotency_keys (key, operation, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO NOTHING`,
      [request.key, request.operation, fingerprint],
    );
    if (claim.rowCount === 1) {
      const result = await effect(client);
      const secretHash = request.secret === undefined ? null : await hash(request.secret);
      await client.query(
        `UPDATE core_sim.idempotency_keys SET result = $2, secret_hash = $3 WHERE key = $1`,
        [request.key, JSON.stringify(result), secretHash],
      );
      return result;
    }
    const { rows } = await client.query<StoredKey>(
      `SELECT operation, request_hash, secret_hash, result FROM core_sim.idempotency_keys WHERE key = $1`,
      [request.key],
    );
    const stored = rows[0];
    if (!stored || stored.result === null) {
      // Only reachable if someone edits core_sim by hand; refuse rather than guess.
      throw new Error(`Idempotency key ${request.key} has no stored result`);
    }
    if (stored.operation !== request.operation || stored.request_hash !== fingerprint)
      throw conflict(request.key);
    if (request.secret !== undefined) {
      const same =
        stored.secret_hash !== null && (await verify(stored.secret_hash, request.secret));
      if (!same) throw conflict(request.key);
    }
    // Written by this module from a T of the same operation (checked above).
    return stored.result as T;
  });
}
