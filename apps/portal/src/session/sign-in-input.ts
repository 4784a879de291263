import { findUnstorableText, loginInput } from "@brokerage/api";
import type { LoginOtpChannel } from "@brokerage/validators";

export type SignInInput = { email: string; password: string; otpCode: string | undefined; otpChannel?: LoginOtpChannel | undefined };

/**
 * The sign-in form's fields, checked with the API's own login schema (auth/login.schema.ts,
 * the same as `auth.login` and `POST /customer/auth/login`): a web sign-in accepts exactly
 * what the API accepts, and an empty code is "no code" (OTP_REQUIRED). Null when invalid.
 */
export function parseSignInCredentials(credentials: Partial<Record<string, unknown>>): SignInInput | null {
  // An empty channel is "none" (the form sends every field as a string).
  const raw = { email: credentials.email, password: credentials.password, otpCode: credentials.otpCode, otpChannel: credentials.otpChannel || undefined };
  const candidate = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
  if (findUnstorableText(candidate)) return null;
  const parsed = loginInput.safeParse(candidate);
  if (!parsed.success) return null;
  return { email: parsed.data.email, password: parsed.data.password, otpCode: parsed.data.otpCode, otpChannel: parsed.data.otpChannel };
}
