import { z } from "zod";
import { newPasswordField } from "../auth/fields";

export const enrolmentCodeInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: "Enter the 6-digit code from your app" }),
});

export const staffSessionIdInput = z.strictObject({ sessionId: z.uuid() });

/** 256-bit base64url tokens: 43 characters; anything else is not one of ours. */
const token = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: "This is not an enrolment link" });

export const enrolmentLinkInput = z.strictObject({ token });

export const setPasswordWithLinkInput = z
  .strictObject({ token, password: newPasswordField, passwordConfirmation: z.string().max(1024) })
  .refine((v) => v.password === v.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "The passwords do not match",
  });
