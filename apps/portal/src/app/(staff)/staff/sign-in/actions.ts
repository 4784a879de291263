"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "~/auth";
import { refused, type ActionResult } from "~/server/action-result";
import { safeRedirectPath } from "~/security/safe-redirect";

const staffSignInInput = z.object({
  email: z.string().max(254),
  password: z.string().max(1024),
  otpCode: z.string().max(64).optional(),
  returnTo: z.string().max(2048).optional(),
});

export type StaffSignInActionInput = z.input<typeof staffSignInInput>;

/**
 * Staff sign-in through next-auth's `staff` Credentials provider. A refusal comes back as
 * the domain code the provider's `SignInRefused` carries (the form asks for the code on
 * OTP_REQUIRED, else shows the sentence); success sets the session cookie and names the
 * page to go to: `returnTo` (a staff page) or the staff home. Staff pages send a member
 * who still has to enrol TOTP on to the enrolment first.
 */
export async function staffSignInAction(input: StaffSignInActionInput): Promise<ActionResult<{ redirectTo: string }>> {
  const parsed = staffSignInInput.safeParse(input);
  if (!parsed.success) return refused("INVALID_DATA");
  const { email, password, returnTo } = parsed.data;
  const otpCode = parsed.data.otpCode?.replace(/\s+/g, "");
  try {
    await signIn("staff", { email: email.trim(), password, ...(otpCode ? { otpCode } : {}), redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return refused(error.code);
    if (error instanceof AuthError) return refused("INTERNAL_ERROR");
    throw error;
  }
  return { ok: true, value: { redirectTo: safeRedirectPath(returnTo ?? "", { prefix: "/staff" }) ?? "/staff" } };
}
