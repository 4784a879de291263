"use server";

import { z } from "zod";
import { refused, refusedOrThrow, type ActionResult } from "~/server/action-result";
import { signInCustomer } from "~/session/sign-in-customer";
import { getServerCaller } from "~/trpc/server";

// Only the shape a server action must accept; the router's schema checks the content.
const signUpForm = z.object({
  email: z.string().max(1024),
  password: z.string().max(1024),
  firstName: z.string().max(1024),
  lastName: z.string().max(1024),
  phone: z.string().max(64).optional(),
  preferredLanguage: z.string().max(16),
});

export type SignUpActionInput = z.input<typeof signUpForm>;

/**
 * Registers a customer (auth.signUp: the e-mail code goes out, and the SMS code when a
 * phone is given), then signs the new customer in and sends them to verify the e-mail.
 */
export async function signUpAction(
  input: SignUpActionInput,
): Promise<ActionResult<{ redirectTo: string }>> {
  const parsed = signUpForm.safeParse(input);
  if (!parsed.success) return refused("INVALID_DATA");
  const { phone: typedPhone, ...fields } = parsed.data;
  // People type "+357 12 345 678" or "+357-12-345678"; E.164 is the digits alone.
  const phone = typedPhone?.replace(/[\s().-]/g, "");
  try {
    await (await getServerCaller()).auth.signUp({ ...fields, ...(phone ? { phone } : {}) });
  } catch (error) {
    return refusedOrThrow(error);
  }
  // The account exists now; should signing in fail (an address throttle), the sign-in page takes over.
  const failure = await signInCustomer(fields.email, fields.password);
  return {
    ok: true,
    value: {
      redirectTo: failure ? "/sign-in?notice=registered&next=%2Fverify-email" : "/verify-email",
    },
  };
}
