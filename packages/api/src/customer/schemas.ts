import { z } from "zod";
import { codeField, newPasswordField } from "../auth/fields";

export const verifyEmailInput = z.strictObject({ code: codeField(6) });
export const verifyPhoneInput = z.strictObject({ code: codeField(4) });
export const resendCodeInput = z.strictObject({ channel: z.enum(["email", "phone"]) });

export const changePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1).max(1024),
    newPassword: newPasswordField,
    newPasswordConfirmation: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirmation, {
    path: ["newPasswordConfirmation"],
    message: "The passwords do not match",
  });
