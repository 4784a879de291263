import { createHash } from "node:crypto";

/** The operations a confirmation can be made for (a challenge confirms exactly one of them). */
export const STEP_UP_OPERATIONS = [
  "withdrawals.request",
  "payoutMethods.add",
  "accounts.archive",
  "otp.disable",
  "otp.regenerateRecoveryCodes",
  "smsFactor.disable",
  "profile.requestEmailChange",
  "profile.requestPhoneChange",
] as const;
export type StepUpOperation = (typeof STEP_UP_OPERATIONS)[number];

/** A parameter of a bound operation: what the confirmation promises will happen. */
export type BoundValue = string | number | boolean | null;

/**
 * JSON with sorted keys and nothing left to chance: the same parameters always give the
 * same text, whatever order the caller built them in.
 */
export function canonicalJson(params: Readonly<Record<string, BoundValue>>): string {
  const keys = Object.keys(params).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(params[k] ?? null)}`).join(",")}}`;
}

/** What a challenge stores of its parameters: a SHA-256 of the operation and their canonical JSON. */
export function bindingHash(operation: StepUpOperation, params: Readonly<Record<string, BoundValue>>): string {
  return createHash("sha256").update(`${operation}\n${canonicalJson(params)}`).digest("hex");
}
