// The identity screens' fields and inputs, shared by the API (which parses them) and the
// portal's forms (which validate with the very same schemas before sending).
import { z } from "zod";
import { withCode } from "./field-codes";

/** E-mail as typed; compared and stored lower-cased. */
export const emailField = z.string().trim().max(254).pipe(z.email({ message: "Enter a valid e-mail address" }));

/**
 * Length is a domain rule with its own codes (PASSWORD_TOO_SHORT/LONG, 409); the schema
 * only refuses what is not a password at all.
 */
export const newPasswordField = z.string().max(1024);

export const codeField = (digits: number) =>
  z.string().trim().regex(new RegExp(`^\\d{${digits}}$`), { message: `Enter the ${digits}-digit code` });

/** A signed-in customer changes the portal password (customer.changePassword). */
export const changePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1).max(1024),
    newPassword: newPasswordField,
    newPasswordConfirmation: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirmation, {
    path: ["newPasswordConfirmation"],
    message: "The passwords do not match",
    params: { code: "MISMATCH" },
  });

/** The second factors a sign-in can take: an authenticator app, a code by SMS, a recovery code. */
export const LOGIN_OTP_CHANNELS = ["totp", "sms", "recovery"] as const;
export type LoginOtpChannel = (typeof LOGIN_OTP_CHANNELS)[number];

/** Sign-in (auth.login, POST /customer/auth/login). */
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
  /**
   * Which second factor `otpCode` is for (one of the `otpChannels` OTP_REQUIRED listed);
   * without a code, `sms` asks for a new SMS code. Optional: a code is tried against the
   * factors that are on.
   */
  otpChannel: z.enum(LOGIN_OTP_CHANNELS).optional(),
});

/** The portal's sign-in form, first step: the login's e-mail and password (no code yet: ""). */
export const signInPasswordStep = z.object({
  email: loginInput.shape.email,
  password: loginInput.shape.password,
  otpCode: z.string().trim().max(64),
});
/** Second step, once the server asked for it (OTP_REQUIRED): the app's code or a recovery code. */
export const signInCodeStep = signInPasswordStep.extend({ otpCode: z.string().trim().min(1).max(64) });

/** A phone number in international format (E.164), as the API stores it. */
export const phoneField = z.e164({ message: "Enter the phone number in international format, e.g. +35712345678" });

/**
 * A phone number as people type it ("+357 12 345-678"): the separators go, what is left is
 * E.164 or nothing ("" when the field is optional and empty).
 */
export const typedPhoneField = z
  .string()
  .transform((typed) => typed.replace(/[\s().-]/g, ""))
  .refine((phone) => phone === "" || phoneField.safeParse(phone).success, withCode("INVALID_FORMAT", "Enter the phone number in international format, e.g. +35712345678"));

export const PREFERRED_LANGUAGE_PATTERN = /^[a-z]{2}(-[A-Z]{2})?$/;

/** Registration (auth.signUp, POST /customer/auth/sign-up). */
export const signUpInput = z.strictObject({
  email: emailField,
  password: newPasswordField,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  phone: phoneField.optional(),
  preferredLanguage: z.string().regex(PREFERRED_LANGUAGE_PATTERN).default("en"),
  /** The brand's code; the default brand when omitted. */
  brand: z.string().trim().min(1).max(64).optional(),
  // Staff-only fields: accepted by the schema so the answer can be NON_ADMIN_FIELD (seed 004).
  deskId: z.unknown().optional(),
  managerId: z.unknown().optional(),
  status: z.unknown().optional(),
  tanChannels: z.unknown().optional(),
  conversionRateClass: z.unknown().optional(),
  debitThreshold: z.unknown().optional(),
  /** Seed 003's `roles`: a customer never chooses their own. */
  roles: z.unknown().optional(),
});

/** The portal's sign-up form: the customer's fields of signUpInput, the phone as typed. */
export const signUpForm = signUpInput
  .pick({ email: true, password: true, firstName: true, lastName: true, preferredLanguage: true })
  .extend({ phone: typedPhoneField });

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
    params: { code: "MISMATCH" },
  });

export const verifyEmailInput = z.strictObject({ code: codeField(6) });
export const verifyPhoneInput = z.strictObject({ code: codeField(4) });

/** session.reauthenticate: exactly one of the password or a current second-factor code (TOTP or recovery code). */
export const reauthenticateInput = z
  .strictObject({
    password: z.string().min(1).max(1024).optional(),
    code: z.string().trim().min(6).max(32).optional(),
  })
  .refine((v) => (v.password === undefined) !== (v.code === undefined), {
    path: ["password"],
    message: "Send the password or a code, not both",
  });
