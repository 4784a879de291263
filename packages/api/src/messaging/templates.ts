// Plain-text messages. Each template returns what enqueueMessage needs besides the
// channel and recipient, so a feature writes
//   enqueueMessage(tx, { channel: "EMAIL", recipient, customerId, ...verificationCodeEmail({...}) })
// Features add their own templates here or next to their code. Never put a password in one;
// a code or a link goes in `secret` (and SECRET_PLACEHOLDER in the body), never in the body.
import { SECRET_PLACEHOLDER } from "./secret-payload";

export interface EmailContent {
  template: string;
  subject: string;
  body: string;
  /** A code or single-use link: stored encrypted and put in place of SECRET_PLACEHOLDER when sent. */
  secret?: string;
}

export interface SmsContent {
  template: string;
  body: string;
  secret?: string;
}

const signature = (brandName: string) => `\n\n-- \n${brandName}\nThis is an automatic message; replies are not read.`;

export type CodePurpose = "email-verification" | "password-reset" | "trading-password-change";

const codeWording: Record<CodePurpose, { subject: string; action: string }> = {
  "email-verification": { subject: "Your verification code", action: "confirm your e-mail address" },
  "password-reset": { subject: "Your password reset code", action: "set a new password" },
  "trading-password-change": { subject: "Your trading password code", action: "change your trading password" },
};

/** A one-time code by e-mail. */
export function verificationCodeEmail(input: {
  purpose: CodePurpose;
  code: string;
  expiresInMinutes: number;
  brandName: string;
}): EmailContent {
  const w = codeWording[input.purpose];
  return {
    template: `${input.purpose}-code`,
    subject: `${input.brandName}: ${w.subject}`,
    body:
      `Your code is ${SECRET_PLACEHOLDER}\n\n` +
      `Enter it to ${w.action}. It expires in ${input.expiresInMinutes} minutes and works once.\n` +
      `If you did not ask for it, ignore this message: nothing changes without the code.` +
      signature(input.brandName),
    secret: input.code,
  };
}

/** A one-time code by SMS (phone verification). */
export function verificationCodeSms(input: { code: string; expiresInMinutes: number; brandName: string }): SmsContent {
  return {
    template: "phone-verification-code",
    body: `${input.brandName}: your code is ${SECRET_PLACEHOLDER}. It expires in ${input.expiresInMinutes} minutes.`,
    secret: input.code,
  };
}

/** A single-use link, e.g. to see a restored trading password once. */
export function singleUseLinkEmail(input: {
  url: string;
  purpose: string;
  expiresInMinutes: number;
  brandName: string;
}): EmailContent {
  return {
    template: "single-use-link",
    subject: `${input.brandName}: ${input.purpose}`,
    body:
      `${input.purpose}:\n${SECRET_PLACEHOLDER}\n\n` +
      `The link works once, for ${input.expiresInMinutes} minutes, and only while you are signed in.` +
      signature(input.brandName),
    secret: input.url,
  };
}

/** A notice after a security-relevant change (password changed, two-factor disabled, ...). */
export function securityNoticeEmail(input: { event: string; at: Date; brandName: string }): EmailContent {
  return {
    template: "security-notice",
    subject: `${input.brandName}: security notice`,
    body:
      `${input.event} on ${input.at.toISOString().replace("T", " ").slice(0, 16)} UTC.\n\n` +
      `If this was not you, reset your password and contact support at once.` +
      signature(input.brandName),
  };
}

/** Text from a client (a user agent) made safe for one line of a plain-text e-mail. */
const oneLine = (text: string | null, max: number) =>
  [...(text ?? "")]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? " " : ch))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, max) || "unknown";

/** A sign-in from a browser or app that had not signed in before (no known-device token). */
export function newSignInEmail(input: { userAgent: string | null; ip: string | null; at: Date; brandName: string }): EmailContent {
  return {
    template: "new-sign-in",
    subject: `${input.brandName}: new sign-in to your account`,
    body:
      `Your account was signed in to from a new device or browser:\n\n` +
      `  Device: ${oneLine(input.userAgent, 200)}\n` +
      `  Address: ${oneLine(input.ip, 64)}\n` +
      `  Time: ${input.at.toISOString().replace("T", " ").slice(0, 16)} UTC\n\n` +
      `If this was you, there is nothing to do. If not, change your password at once, turn on ` +
      `two-factor authentication and sign out the devices you do not know (Security, Devices).` +
      signature(input.brandName),
  };
}
