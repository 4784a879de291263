import { randomBytes } from "node:crypto";
import type { TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";

/**
 * The broker's technical account in `currency` (created in the core on first use). Its
 * balance may go below zero: it is the broker's position in that currency. Conversions
 * settle through it and withdrawals are held in it until paid out or released.
 *
 * Safe under concurrency: the core key is derived from the currency, so two first uses
 * get the same core account, and the row insert ignores the loser.
 */
export async function houseAccountLogin(deps: { db: Database; core: TradingCore }, currency: string): Promise<number> {
  const known = await deps.db.houseAccount.findUnique({ where: { currency }, select: { login: true } });
  if (known) return known.login;
  const { login } = await deps.core.createAccount({
    idempotencyKey: `house-account:${currency}`,
    group: `house\\${currency}`,
    currency,
    leverage: 1,
    name: `House ${currency}`,
    email: "treasury@broker.invalid",
    // Nobody signs in to a house account: a password nobody knows.
    passwords: { main: randomBytes(24).toString("base64url") },
    overdraft: true,
  });
  await deps.db.houseAccount.upsert({ where: { currency }, create: { currency, login }, update: {} });
  return login;
}
