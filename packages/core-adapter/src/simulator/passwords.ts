import { hash, verify } from "@node-rs/argon2";
import type pg from "pg";
import type { PasswordType } from "../trading-core";

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1): ~50 ms here. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function storePasswordHash(
  client: pg.PoolClient,
  login: number,
  type: PasswordType,
  passwordHash: string,
): Promise<void> {
  await client.query(
    `INSERT INTO core_sim.passwords (login, type, hash) VALUES ($1, $2, $3)
     ON CONFLICT (login, type) DO UPDATE SET hash = EXCLUDED.hash, updated_at = now()`,
    [login, type, passwordHash],
  );
}

/** An investor password that was never set matches nothing. */
export async function verifyPassword(
  db: pg.Pool,
  login: number,
  type: PasswordType,
  password: string,
): Promise<boolean> {
  const { rows } = await db.query<{ hash: string }>(
    "SELECT hash FROM core_sim.passwords WHERE login = $1 AND type = $2",
    [login, type],
  );
  const stored = rows[0];
  return stored ? verify(stored.hash, password) : false;
}
