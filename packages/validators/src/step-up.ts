// Step-up confirmation (issue 16), shared by the procedures that need it and the portal's
// one confirmation component.
import { z } from "zod";

/** The channels a confirmation code can come by (seed 004's TAN channels, plus the authenticator app). */
export const STEP_UP_CHANNELS = ["totp", "sms", "email"] as const;
export type StepUpChannel = (typeof STEP_UP_CHANNELS)[number];

/** A confirmation lives 5 minutes and allows 5 tries. */
export const STEP_UP_TTL_SECONDS = 5 * 60;
export const STEP_UP_MAX_TRIES = 5;
/** Seconds between two codes sent for one confirmation. */
export const STEP_UP_RESEND_SECONDS = 30;

/**
 * The same optional field of every operation that needs a confirmation: the challenge the
 * 403 STEP_UP_REQUIRED answer named, and the code (a TOTP code, or the 6 digits sent by
 * SMS or e-mail).
 */
export const stepUpField = z.strictObject({
  challengeId: z.uuid(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: "Enter the 6-digit code" }),
});
export type StepUpInput = z.infer<typeof stepUpField>;

/** stepUp.send: the code for one challenge, by a channel it offers. */
export const stepUpSendInput = z.strictObject({
  challengeId: z.uuid(),
  channel: z.enum(STEP_UP_CHANNELS),
});

/** The portal's confirmation component: the channel chosen and the code typed. */
export const stepUpPromptForm = z.strictObject({
  channel: z.enum(STEP_UP_CHANNELS),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: "Enter the 6-digit code" }),
});
