import type { Database } from "@brokerage/db";
import { STEP_UP_CHANNELS, type StepUpChannel } from "@brokerage/validators";
import { DomainError } from "../errors";
import { maskEmail, maskPhone } from "../messaging";

/**
 * The channels a customer may confirm with: `totp` when the authenticator app is on, `sms`
 * when text messages are a factor and the phone is verified, and only without either the
 * verified e-mail address. Staff's `Customer.tanChannels` (seed 004) narrows this list and
 * never widens it: a listed channel the customer cannot use is left out, and an empty list
 * means "no restriction". Nothing left: 403 EMAIL_NOT_VERIFIED (no factor, e-mail not
 * verified) or STEP_UP_UNAVAILABLE (staff's channels are none the customer has set up).
 * Also the customer's preferredLanguage (the challenge's summary is stored in it): one read.
 */
export async function stepUpChannels(db: Database, customerId: number): Promise<{ channels: StepUpChannel[]; preferredLanguage: string }> {
  const c = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      otpEnabled: true,
      otpSecretEnc: true,
      smsOtpEnabled: true,
      phone: true,
      phoneVerifiedAt: true,
      emailVerifiedAt: true,
      tanChannels: true,
      preferredLanguage: true,
    },
  });
  const available: StepUpChannel[] = [];
  if (c.otpEnabled && c.otpSecretEnc) available.push("totp");
  if (c.smsOtpEnabled && c.phone && c.phoneVerifiedAt) available.push("sms");
  if (available.length === 0 && c.emailVerifiedAt) available.push("email");
  const allowed = c.tanChannels.filter((ch): ch is StepUpChannel => (STEP_UP_CHANNELS as readonly string[]).includes(ch));
  const channels = c.tanChannels.length === 0 ? available : available.filter((ch) => allowed.includes(ch));
  if (channels.length === 0) {
    if (c.tanChannels.length > 0) throw new DomainError("STEP_UP_UNAVAILABLE", { details: { tanChannels: allowed } });
    throw new DomainError("EMAIL_NOT_VERIFIED");
  }
  return { channels, preferredLanguage: c.preferredLanguage };
}

/** Where a code goes, as the customer may be shown it: `t•••@example.com`, `+49•••••4567`. */
export function maskDestination(channel: "sms" | "email", target: string): string {
  return channel === "sms" ? maskPhone(target) : maskEmail(target, "•••");
}
