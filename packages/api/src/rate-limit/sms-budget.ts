// What may cost money per SMS: each number and each client address gets a daily budget
// (SMS_LIMIT_PER_NUMBER, SMS_LIMIT_PER_ADDRESS), and only numbers of the allowed calling
// codes (SMS_ALLOWED_COUNTRY_CODES) get any. A spent budget or a number elsewhere never
// refuses what asked for the SMS (a sign-up): the SMS is just not queued, and the phone
// stays unverified until the customer asks for a code again later.
import { env } from "../env";
import { getDomainError } from "../errors";
import type { RateLimits } from "./rate-limits";

export type SmsDecision = { send: true; release: () => Promise<void> } | { send: false; reason: "country" | "budget" };

/** True when the E.164 number's calling code is in the allow-list. */
export function smsCountryAllowed(phone: string, allowed: readonly string[] = env.SMS_ALLOWED_COUNTRY_CODES): boolean {
  const digits = phone.replace(/^\+/, "");
  return allowed.some((code) => code === "*" || digits.startsWith(code));
}

/**
 * The per-address key of a client address, or null when none is known: outside
 * production (tests, internal `createCaller` users) such calls are not counted per
 * address; in production (NODE_ENV unset included) they share one "unknown" budget, so a server started without
 * the portal's front door fails closed.
 */
export function addressKey(ip: string | null | undefined): string | null {
  if (ip) return ip;
  return env.developmentDefaults ? null : "unknown";
}

async function spent(run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return false;
  } catch (error) {
    if (getDomainError(error)?.code === "TOO_MANY_ATTEMPTS") return true;
    throw error;
  }
}

/**
 * Takes one SMS from the budgets of `phone` and `ip`, or says why not. `release` gives the
 * points back when the SMS is not queued after all (the transaction failed).
 */
export async function reserveSms(rateLimits: RateLimits, phone: string, ip: string | null | undefined): Promise<SmsDecision> {
  if (!smsCountryAllowed(phone)) return { send: false, reason: "country" };
  const address = addressKey(ip);
  if (address !== null && (await spent(() => rateLimits.consume("smsByAddress", address)))) {
    return { send: false, reason: "budget" };
  }
  if (await spent(() => rateLimits.consume("smsByNumber", phone))) {
    if (address !== null) await rateLimits.reward("smsByAddress", address);
    return { send: false, reason: "budget" };
  }
  return {
    send: true,
    release: async () => {
      await rateLimits.reward("smsByNumber", phone);
      if (address !== null) await rateLimits.reward("smsByAddress", address);
    },
  };
}
