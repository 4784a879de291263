// The details of a refused sign-in (OTP_REQUIRED's channels, the SMS sent) cannot travel in
// next-auth's CredentialsSignin, whose code goes into a URL. The sign-in server action and
// the provider's authorize() run in one async call chain, so the provider leaves them here.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export interface SignInChallenge {
  details: Record<string, unknown> | null;
}

export const signInChallenge = new AsyncLocalStorage<SignInChallenge>();

/** Keeps only the second step's fields: the channels, the default, and what was sent where. */
export function challengeDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!details || !("otpChannels" in details)) return null;
  const keep = ["otpChannels", "otpDefaultChannel", "smsSent", "smsSentTo", "smsResendAfterSeconds", "retryAfterSeconds"];
  return Object.fromEntries(Object.entries(details).filter(([key]) => keep.includes(key)));
}
