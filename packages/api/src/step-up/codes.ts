// The one place step-up codes sent by SMS or e-mail are made and checked. They live in the
// shared code store (auth/verification-codes.ts: purpose STEP_UP, 6 digits, hashed, 5 tries),
// bound to their challenge by id, and go out through the outbox. Sign-in and SMS-factor set-up
// codes are sms-codes/sms-codes.ts's (their cool-downs differ from a challenge's).
import type { Prisma } from "@brokerage/db";
import { consumeCode, issueCode } from "../auth/verification-codes";
import { enqueueMessage, type MessageLanguage, stepUpCodeEmail, stepUpCodeSms } from "../messaging";

type Tx = Pick<Prisma.TransactionClient, "verificationCode" | "message">;

/**
 * Makes a code, stores it hashed under `codeId` and queues it to `target` in the same
 * transaction, in `language` (the customer's preferredLanguage; `summary` is already in it).
 * The code of an earlier send of the same challenge dies by being no longer its `codeId`,
 * and it expires anyway; codes of the customer's other challenges live on (a customer may
 * confirm two operations at once).
 */
export async function sendStepUpCode(
  tx: Tx,
  input: { customerId: number; codeId: string; channel: "sms" | "email"; target: string; summary: string; brandName: string; language: MessageLanguage; now: Date; ttlMs: number },
): Promise<void> {
  const code = await issueCode(tx, { customerId: input.customerId, purpose: "STEP_UP", target: input.target, now: input.now, ttlMs: input.ttlMs, id: input.codeId, keepOthers: true });
  const content = {
    code,
    summary: input.summary,
    expiresInMinutes: Math.max(1, Math.round(input.ttlMs / 60_000)),
    brandName: input.brandName,
    language: input.language,
  };
  await enqueueMessage(tx, {
    channel: input.channel === "sms" ? "SMS" : "EMAIL",
    recipient: input.target,
    customerId: input.customerId,
    ...(input.channel === "sms" ? stepUpCodeSms(content) : stepUpCodeEmail(content)),
  });
}

/**
 * Uses up the code `codeId` if `code` matches it: CODE_INVALID (wrong, used, dead after 5
 * tries) or CODE_EXPIRED otherwise. Only that one code counts.
 */
export async function checkStepUpCode(tx: Tx, input: { customerId: number; codeId: string; code: string; now: Date }): Promise<void> {
  await consumeCode(tx, { customerId: input.customerId, purpose: "STEP_UP", code: input.code, now: input.now, id: input.codeId });
}
