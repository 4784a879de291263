import { z } from "zod";
import { codeField, emailField, newPasswordField } from "./fields";

export const requestPasswordResetInput = z.strictObject({ email: emailField });

export const resetPasswordInput = z
  .strictObject({
    email: emailField,
    code: codeField(6),
    password: newPasswordField,
    passwordConfirmation: z.string().max(1024),
    /** Required when the account has two-factor on: a current TOTP code or a recovery code. */
    otpCode: z.string().trim().min(6).max(32).optional(),
  })
  .refine((v) => v.password === v.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "The passwords do not match",
  });
