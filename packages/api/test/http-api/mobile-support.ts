// Helpers of the seed 001/003 contract tests: accounts opened over HTTP, money from the
// simulated core, codes read back from the outbox, and the state a refusal must not touch.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { renderMessageBody } from "../../src/messaging";
import type { HttpReply, Setup } from "./support";

/** Opens an account from a seeded group through `POST /customer/account/open`. */
export async function openVia(s: Setup, token: string, group: string) {
  const reply = await s.api.call("POST", "/customer/account/open", { token, body: { group } });
  if (reply.status !== 200) throw new Error(`open ${group} answered ${reply.status}: ${reply.text}`);
  return { id: reply.body.account_id as number, login: reply.body.login as number };
}

/** Real money enters through the core's balance operation (as staff adjustments do). */
export async function fund(s: Setup, login: number, amount: string) {
  await s.h.core.balanceOperation({ idempotencyKey: `fund-${randomUUID()}`, login, type: "deposit", amount });
}

export const balanceOf = async (s: Setup, login: number) => (await s.h.core.getAccount(login)).balance;

/** The newest message of a customer as its recipient reads it (codes and links rendered in). */
export async function lastMessage(s: Setup, customerId: number, template?: string) {
  const row = await s.h.db.message.findFirst({
    where: { customerId, ...(template ? { template } : {}) },
    orderBy: { createdAt: "desc" },
  });
  return row ? { ...row, body: renderMessageBody(row) } : null;
}

export const messageCount = (s: Setup, customerId: number) => s.h.db.message.count({ where: { customerId } });

/** The one code (`code is 123456`) of a message body. */
export function codeIn(body: string, digits: number): string {
  const code = new RegExp(`code is (\\d{${digits}})\\b`, "i").exec(body)?.[1];
  if (!code) throw new Error(`no ${digits}-digit code in: ${body}`);
  return code;
}

/** The API's error body for `code`, with the given status; `fields` when INVALID_DATA names fields. */
export function expectError(reply: HttpReply, status: number, code: string, fields?: readonly string[]) {
  expect({ status: reply.status, error: reply.body?.error }, reply.text).toEqual({ status, error: code });
  expect(typeof reply.body.message, reply.text).toBe("string");
  // Our error body: `error`, `message`, and only the additive fields of the catalog.
  for (const key of Object.keys(reply.body)) {
    expect(
      [
        ...["error", "message", "field_errors", "field_codes", "retry_after_seconds", "correlation_id", "core_error", "allowed_leverages", "leverage_cap"],
        // STEP_UP_REQUIRED and a wrong confirmation code (issue 16)
        ...["channels", "challenge_id", "expires_at", "operation", "tries_left"],
      ],
      reply.text,
    ).toContain(key);
  }
  if (fields) {
    expect(Object.keys((reply.body.field_errors as object | undefined) ?? {}).sort(), reply.text).toEqual([...fields].sort());
    expect(Object.keys((reply.body.field_codes as object | undefined) ?? {}).sort(), reply.text).toEqual([...fields].sort());
  }
}
