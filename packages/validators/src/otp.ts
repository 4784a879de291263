// Two-factor inputs, shared by the API (otp router) and the portal's security forms.
import { z } from "zod";
import { stepUpField } from "./step-up";

/** A current TOTP code, or a recovery code. */
export const otpOrRecoveryCodeField = z.string().trim().min(6).max(32);

export const enableOtpInput = z.strictObject({
  secret: z.string().trim().min(16).max(128),
  code: z.string().trim().regex(/^\d{6}$/, { message: "Enter the 6-digit code from your app" }),
  /** Required when OTP is already enabled: a code of the old secret, or a recovery code. */
  currentCode: otpOrRecoveryCodeField.optional(),
});

/** otp.check. */
export const otpCodeInput = z.strictObject({ code: otpOrRecoveryCodeField });

/** smsFactor.enable: the 6-digit code sent by SMS to the verified phone. */
export const enableSmsFactorInput = z.strictObject({
  code: z.string().trim().regex(/^\d{6}$/, { message: "Enter the 6-digit code from the text message" }),
});

/** smsFactor.setDefault: the factor sign-in asks for first when both are on. */
export const setDefaultSecondFactorInput = z.strictObject({ factor: z.enum(["TOTP", "SMS"]) });
/**
 * A confirmation by the second factor: a current TOTP code (`code`, seed 002; the code is
 * the confirmation itself), or, without one, the step-up confirmation (`stepUp`) of the
 * 403 STEP_UP_REQUIRED answer, by any factor that is on. Not both.
 */
const codeOrStepUpInput = z
  .strictObject({ code: otpOrRecoveryCodeField.optional(), stepUp: stepUpField.optional() })
  .refine((v) => !(v.code !== undefined && v.stepUp !== undefined), { message: "Send either code or stepUp", path: ["stepUp"] });

/** otp.disable: `code` may also be a recovery code. */
export const otpDisableInput = codeOrStepUpInput;

/** otp.regenerateRecoveryCodes: `code` is the app's (customers with text messages only confirm by `stepUp`). */
export const regenerateRecoveryCodesInput = codeOrStepUpInput;

/** smsFactor.disable: turning off the last second factor asks for the step-up confirmation. */
export const disableSmsFactorInput = z.strictObject({ stepUp: stepUpField.optional() }).optional();
