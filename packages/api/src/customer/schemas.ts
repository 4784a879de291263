import { z } from "zod";

// Shared with the portal's code forms (@brokerage/validators).
export { verifyEmailInput, verifyPhoneInput } from "@brokerage/validators";
export const resendCodeInput = z.strictObject({ channel: z.enum(["email", "phone"]) });

/** Shared with the portal's form. */
export { changePasswordInput } from "@brokerage/validators";

/** Shared with the dashboard's form. */
export { setPreferredCurrencyInput } from "@brokerage/validators";

/** Shared with the portal's language switcher. */
export { setLanguageInput } from "@brokerage/validators";
