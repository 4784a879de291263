import { z } from "zod";
import { emailField } from "./fields";

export const loginInput = z.strictObject({
  email: emailField,
  password: z.string().min(1).max(1024),
  /** Required when the customer has OTP enabled (seed 002). */
  otpCode: z.string().trim().min(1).max(64).optional(),
  /** The device token an earlier login returned: failures from elsewhere do not hold it. */
  deviceToken: z.string().min(1).max(128).optional(),
});
