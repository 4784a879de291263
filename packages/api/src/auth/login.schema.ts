import { z } from "zod";
import { emailField } from "./fields";

export const loginInput = z.strictObject({
  email: emailField,
  password: z.string().min(1).max(1024),
  /**
   * Required when the customer has OTP enabled (seed 002). Empty or blank counts as not
   * given, so `otp_code: ""` answers OTP_REQUIRED (the code is missing), never INVALID_DATA.
   */
  otpCode: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((code) => (code === "" ? undefined : code)),
  /** The device token an earlier login returned: failures from elsewhere do not hold it. */
  deviceToken: z.string().min(1).max(128).optional(),
});
