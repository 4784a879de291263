"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "~/auth";
import { safeRedirectPath } from "~/security/safe-redirect";

export interface StaffSignInState {
  /** A domain error code (CUSTOMER_NOT_FOUND_OR_INCORRECT, OTP_REQUIRED ...), MISSING_FIELDS or UNKNOWN. */
  error: string | null;
  /** The account has two-factor authentication: the form asks for the code. */
  otpRequired: boolean;
}

const OTP_CODES = new Set(["OTP_REQUIRED", "INVALID_OTP_CODE"]);

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/**
 * Staff sign-in through next-auth's `staff` Credentials provider. A refusal comes back as
 * the domain code the provider's `SignInRefused` carries; success sets the session cookie
 * and goes to `returnTo` (a staff page) or the staff home.
 */
export async function staffSignInAction(
  previous: StaffSignInState,
  form: FormData,
): Promise<StaffSignInState> {
  const email = text(form.get("email")).trim();
  const password = text(form.get("password"));
  const otpCode = text(form.get("otpCode")).replace(/\s+/g, "");
  // Staff pages send a member who still has to enrol TOTP on to the enrolment first.
  const target = safeRedirectPath(text(form.get("returnTo")), { prefix: "/staff" }) ?? "/staff";
  const otpRequired = previous.otpRequired || otpCode !== "";
  if (!email || !password) return { error: "MISSING_FIELDS", otpRequired };
  if (otpRequired && !otpCode) return { error: "OTP_REQUIRED", otpRequired: true };

  try {
    await signIn("staff", { email, password, ...(otpCode ? { otpCode } : {}), redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = error.code;
      return { error: code, otpRequired: otpRequired || OTP_CODES.has(code) };
    }
    if (error instanceof AuthError) return { error: "UNKNOWN", otpRequired };
    throw error;
  }
  redirect(target);
}
