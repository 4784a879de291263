import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "~/auth";
import type { LoginOtpChannel } from "@brokerage/validators";
import { signInChallenge, type SignInChallenge } from "./sign-in-challenge";

/**
 * Signs a customer in through next-auth's `customer` provider (for server actions): the
 * provider runs the domain's login and next-auth sets the session cookie. Returns null
 * on success, else the domain code the provider put on its CredentialsSignin (and the
 * second step's details: channels, the SMS sent)
 * (CUSTOMER_NOT_FOUND_OR_INCORRECT, OTP_REQUIRED, INVALID_OTP_CODE, TOO_MANY_ATTEMPTS ...).
 */
export async function signInCustomer(
  email: string,
  password: string,
  otpCode?: string,
  otpChannel?: LoginOtpChannel,
): Promise<{ code: string; details: Record<string, unknown> | null } | null> {
  const challenge: SignInChallenge = { details: null };
  try {
    await signInChallenge.run(challenge, () =>
      signIn("customer", {
        email: email.trim(),
        password,
        otpCode: otpCode?.trim() ?? "",
        otpChannel: otpChannel ?? "",
        redirect: false,
      }),
    );
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin) return { code: error.code, details: challenge.details };
    // Anything else next-auth wraps (authorize() failing unexpectedly) was logged by next-auth.
    if (error instanceof AuthError) return { code: "INTERNAL_ERROR", details: null };
    throw error;
  }
}
