"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "~/auth";
import { refusedOrThrow, type ActionResult } from "~/server/action-result";
import { getServerCaller } from "~/trpc/server";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/**
 * Sets the new member's password through their single-use link, then signs them in with
 * it (next-auth's staff provider), which leads to the TOTP enrolment.
 */
export async function setStaffPasswordAction(
  _previous: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const token = text(form.get("token"));
  const password = text(form.get("password"));
  let email: string;
  try {
    const result = await (
      await getServerCaller()
    ).staffAuth.enrolmentLink.setPassword({
      token,
      password,
      passwordConfirmation: text(form.get("passwordConfirmation")),
    });
    email = result.email;
  } catch (error) {
    return refusedOrThrow(error);
  }
  try {
    await signIn("staff", { email, password, redirect: false });
  } catch (error) {
    // The password is set; the member can sign in on the sign-in page instead.
    if (error instanceof AuthError) redirect("/staff/sign-in?returnTo=%2Fstaff");
    throw error;
  }
  redirect("/staff/enrol");
}
