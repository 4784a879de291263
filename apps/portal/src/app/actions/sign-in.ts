"use server";

import { LOGIN_OTP_CHANNELS } from "@brokerage/validators";
import { z } from "zod";
import { refused, type ActionResult } from "~/server/action-result";
import { safeRedirectTarget } from "~/security/safe-redirect";
import { signInCustomer } from "~/session/sign-in-customer";

const signInInput = z.object({
  email: z.string().max(254),
  password: z.string().max(1024),
  otpCode: z.string().max(64).optional(),
  otpChannel: z.enum(LOGIN_OTP_CHANNELS).optional(),
  next: z.string().max(2048).optional(),
});

export type SignInActionInput = z.input<typeof signInInput>;

/**
 * The customer sign-in form: a refusal comes back as its domain code (the form shows the
 * OTP step on OTP_REQUIRED, else the sentence); success sets the cookie and names the
 * page to go to.
 */
export async function signInAction(
  input: SignInActionInput,
): Promise<ActionResult<{ redirectTo: string }>> {
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) return refused("INVALID_DATA");
  const { email, password, otpCode, otpChannel, next } = parsed.data;
  const failure = await signInCustomer(email, password, otpCode, otpChannel);
  if (failure) {
    const answer = refused(failure.code);
    answer.error.data.details = failure.details;
    return answer;
  }
  return { ok: true, value: { redirectTo: safeRedirectTarget(next, "/accounts") } };
}
