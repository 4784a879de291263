"use server";

import { createCaller, enableOtp } from "@brokerage/api";
import { fieldCodesOf } from "@brokerage/validators";
import { headers } from "next/headers";
import { z } from "zod";
import { auth, unstable_update } from "~/auth";
import { refused, refusedOrThrow, type ActionResult } from "~/server/action-result";
import { createRequestContext } from "~/server/request-context";
import { signedSessionUpdate } from "~/session/update-proof";

// The rules of the router's otp.enable input.
const enableOtpForm = z.object({
  secret: z.string().trim().min(16).max(128),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
  currentCode: z.string().trim().min(6).max(32).optional(),
});

export type EnableOtpActionInput = z.input<typeof enableOtpForm>;

/**
 * Enables OTP, or replaces the secret. The domain ends every session of the customer
 * and opens a new one for this browser, so the cookie moves to it here (a signed
 * next-auth update); the router's otp.enable cannot do that for the web. The recovery
 * codes are returned to be shown once.
 */
export async function enableOtpAction(
  input: EnableOtpActionInput,
): Promise<ActionResult<{ recoveryCodes: string[]; replaced: boolean }>> {
  const session = await auth();
  if (!session?.sessionId || session.kind !== "customer")
    return refused("INVALID_CUSTOMER_SESSION");
  const ctx = createRequestContext(new Headers(await headers()), {
    type: "customer-session",
    sessionId: session.sessionId,
  });
  try {
    // Authentication first (an ended session is 401 whatever the input), as the router does.
    const { customerId } = await createCaller(ctx).customer.me();
    const parsed = enableOtpForm.safeParse(input);
    if (!parsed.success) {
      return refused("INVALID_DATA", z.flattenError(parsed.error).fieldErrors, fieldCodesOf(parsed.error, { input }));
    }
    const result = await enableOtp(
      ctx,
      { customerId, sessionId: session.sessionId, ...parsed.data },
      ctx.request,
    );
    await unstable_update(
      signedSessionUpdate({ sessionId: result.session.sessionId, kind: "customer" }),
    );
    return { ok: true, value: { recoveryCodes: result.recoveryCodes, replaced: result.replaced } };
  } catch (error) {
    return refusedOrThrow(error);
  }
}
