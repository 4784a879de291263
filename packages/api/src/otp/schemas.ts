import { z } from "zod";

const code = z.string().trim().min(6).max(32);

export const enableOtpInput = z.strictObject({
  secret: z.string().trim().min(16).max(128),
  code: z.string().trim().regex(/^\d{6}$/, { message: "Enter the 6-digit code from your app" }),
  /** Required when OTP is already enabled: a code of the old secret, or a recovery code. */
  currentCode: code.optional(),
});

export const otpCodeInput = z.strictObject({ code });
