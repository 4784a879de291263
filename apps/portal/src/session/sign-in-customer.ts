import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "~/auth";

/**
 * Signs a customer in through next-auth's `customer` provider (for server actions): the
 * provider runs the domain's login and next-auth sets the session cookie. Returns null
 * on success, else the domain code the provider put on its CredentialsSignin
 * (CUSTOMER_NOT_FOUND_OR_INCORRECT, OTP_REQUIRED, INVALID_OTP_CODE, TOO_MANY_ATTEMPTS ...).
 */
export async function signInCustomer(
  email: string,
  password: string,
  otpCode?: string,
): Promise<string | null> {
  try {
    await signIn("customer", {
      email: email.trim(),
      password,
      otpCode: otpCode?.trim() ?? "",
      redirect: false,
    });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin) return error.code;
    // Anything else next-auth wraps (authorize() failing unexpectedly) was logged by next-auth.
    if (error instanceof AuthError) return "INTERNAL_ERROR";
    throw error;
  }
}
