// Step-up confirmation in tests: run an operation, and when it answers STEP_UP_REQUIRED,
// confirm as a customer would (the authenticator app's code, or the e-mailed code read from
// the outbox) and run it again with `stepUp`.
import type { StepUpInput } from "@brokerage/validators";
import { getDomainError } from "../../src/errors";
import type { Harness } from "../support/harness";
import { lastEmail, lastMessage } from "../accounts/fixtures";
import { codeInBody } from "../identity/fixtures";
import { codeAt } from "../two-factor/fixtures";

interface StepUpApi {
  stepUp: { send(input: { challengeId: string; channel: "totp" | "sms" | "email" }): Promise<unknown> };
}

/** The challenge of a STEP_UP_REQUIRED refusal (throws anything else). */
export async function challengeOf(p: Promise<unknown>): Promise<{ challengeId: string; channels: string[]; expiresAt: string }> {
  try {
    await p;
  } catch (error) {
    const refusal = getDomainError(error);
    if (refusal?.code === "STEP_UP_REQUIRED") return refusal.details as { challengeId: string; channels: string[]; expiresAt: string };
    throw error;
  }
  throw new Error("the operation needed no confirmation");
}

/** Sends the e-mail code of a challenge and reads it from the outbox. */
export async function emailedCode(h: Harness, api: StepUpApi, customerId: number, challengeId: string): Promise<string> {
  await api.stepUp.send({ challengeId, channel: "email" });
  const message = await lastEmail(h, customerId, "step-up-code");
  return codeInBody(message.body, 6);
}

/**
 * Runs `call` without a confirmation, and again with one when it is asked for: a TOTP code
 * of `secret` (the clock moves on a time step first, as each step is accepted once) or the
 * e-mailed code. `resetThrottles` clears the customer's step-up throttles first (for tests
 * that confirm many operations; the throttles have their own tests).
 */
export async function confirmed<T>(
  h: Harness,
  api: StepUpApi,
  customerId: number,
  call: (stepUp?: StepUpInput) => Promise<T>,
  options: { secret?: string; resetThrottles?: boolean } = {},
): Promise<T> {
  if (options.resetThrottles) {
    for (const name of ["stepUpChallenge", "stepUpSend", "stepUpCodeAttempts"] as const) await h.rateLimits.reset(name, String(customerId));
  }
  let challenge;
  try {
    return await call();
  } catch (error) {
    if (getDomainError(error)?.code !== "STEP_UP_REQUIRED") throw error;
    challenge = getDomainError(error)!.details as { challengeId: string; channels: string[] };
  }
  let code: string;
  if (options.secret && challenge.channels.includes("totp")) {
    h.clock.advance(30_000);
    code = await codeAt(options.secret, h.clock.now());
  } else if (challenge.channels.includes("sms") && !challenge.channels.includes("email")) {
    // The SMS second factor: the code goes to the verified phone.
    await api.stepUp.send({ challengeId: challenge.challengeId, channel: "sms" });
    code = codeInBody((await lastMessage(h, customerId, "step-up-code", "SMS")).body, 6);
  } else {
    code = await emailedCode(h, api, customerId, challenge.challengeId);
  }
  return call({ challengeId: challenge.challengeId, code });
}

/** The operations that may ask for a confirmation, by router. */
const CONFIRMED: Record<string, readonly string[]> = {
  withdrawals: ["request"],
  payoutMethods: ["add"],
  accounts: ["archive"],
  otp: ["disable"],
  profile: ["requestEmailChange", "requestPhoneChange"],
};

/**
 * A caller that confirms by e-mail whenever an operation asks (see `confirmed`), so tests
 * of other features (money, archiving) run their operations as a customer who confirms.
 * An input that carries its own `stepUp` (or `code`, for otp.disable) is passed as it is.
 * The step-up tests use the plain caller.
 */
export function autoConfirming<A extends object>(h: Harness, api: A, customerId: number): A {
  return new Proxy(api, {
    get(target, router) {
      const sub = Reflect.get(target, router) as Record<string, unknown>;
      const names = typeof router === "string" ? CONFIRMED[router] : undefined;
      if (!names) return sub;
      return new Proxy(sub, {
        get(t, procedure) {
          const fn = Reflect.get(t, procedure) as (input: Record<string, unknown>) => Promise<unknown>;
          if (typeof procedure !== "string" || !names.includes(procedure)) return fn;
          return (input: Record<string, unknown>) =>
            input.stepUp !== undefined || input.code !== undefined
              ? fn(input)
              : confirmed(h, api as unknown as StepUpApi, customerId, (stepUp) => fn(stepUp ? { ...input, stepUp } : input), { resetThrottles: true });
        },
      });
    },
  });
}
