// Staff screens' inputs, shared by the API and the portal's staff forms.
import { z } from "zod";
import { amountField } from "./amount";
import { withCode } from "./field-codes";
import { emailField, newPasswordField, PREFERRED_LANGUAGE_PATTERN, typedPhoneField } from "./identity";

export const STAFF_ROLES = ["ADMIN", "KYC_REVIEWER", "SUPPORT", "FINANCE"] as const;
export const staffRoleField = z.enum(STAFF_ROLES);

/** staffMembers.changeRole as the member's row on the staff page holds it. */
export const memberRoleForm = z.strictObject({ role: staffRoleField });

/** staffMembers.invite: the new member gets the enrolment link by e-mail. */
export const inviteStaffInput = z.strictObject({
  email: emailField,
  name: z.string().trim().min(1).max(100),
  role: staffRoleField,
});

/** 256-bit base64url tokens: 43 characters; anything else is not one of ours. */
export const enrolmentTokenField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: "This is not an enrolment link" });

/** staffAuth.enrolmentLink.setPassword: the new member's password, twice. */
export const setPasswordWithLinkInput = z
  .strictObject({ token: enrolmentTokenField, password: newPasswordField, passwordConfirmation: z.string().max(1024) })
  .refine((v) => v.password === v.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "The passwords do not match",
    params: { code: "MISMATCH" },
  });

/** staffAuth.enrolment.enable: the 6-digit code of the new authenticator. */
export const enrolmentCodeInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: "Enter the 6-digit code from your app" }),
});

/** Free text staff write for the audit trail: trimmed, no control characters. */
export const staffTextField = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => !/\p{Cc}/u.test(v), withCode("INVALID_CHARACTERS", "No control characters"));

/** A whole number typed into a form ("" when optional and empty). */
const typedIdField = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{1,10}$/.test(v), withCode("INVALID_FORMAT", "Digits only"))
  .transform((v) => (v === "" ? undefined : Number(v)));

/** Why staff act on a customer: kept in the audit trail, and the customer is told. */
export const staffReasonField = staffTextField(1, 500);

/** A staff action that needs only a reason: staffCustomers.endSessions / resetTwoFactor, staff.rejectAdjustment. */
export const staffReasonForm = z.strictObject({ reason: staffReasonField });

export const CLIENT_CATEGORIES = ["RETAIL", "PROFESSIONAL"] as const;

/** staffCustomers.setCategory: the new category and the evidence the decision rests on (MiFID II Annex II). */
export const clientCategoryForm = z.strictObject({
  category: z.enum(CLIENT_CATEGORIES),
  evidence: staffTextField(10, 2000),
});

/** staffCustomers.assign as the form holds it: desk and manager as typed text; empty clears one. */
export const assignCustomerForm = z.strictObject({
  deskId: typedIdField.transform((v) => v ?? null),
  managerId: typedIdField.transform((v) => v ?? null),
});

export const BALANCE_ADJUSTMENT_TYPES = ["deposit", "withdrawal"] as const;

/** The maker's balance adjustment form (staff.adjustBalance; the idempotency key comes from the kit). */
export const balanceAdjustmentForm = z.strictObject({
  accountId: z
    .string()
    .trim()
    .min(1)
    .regex(/^\d{1,10}$/)
    .transform(Number),
  type: z.enum(BALANCE_ADJUSTMENT_TYPES),
  amount: amountField,
  comment: staffTextField(1, 255),
});

export const STAFF_TAN_CHANNELS = ["sms", "email", "totp"] as const;

/** staffCustomers.create as the staff form holds it (numbers and optional fields as typed text). */
export const createCustomerForm = z
  .strictObject({
    email: emailField,
    firstName: staffTextField(1, 100),
    lastName: staffTextField(1, 100),
    phone: typedPhoneField.transform((v) => (v === "" ? undefined : v)),
    preferredLanguage: z
      .string()
      .trim()
      .refine((v) => v === "" || PREFERRED_LANGUAGE_PATTERN.test(v), withCode("INVALID_FORMAT", "A language code like en or de-AT"))
      .transform((v) => (v === "" ? undefined : v)),
    deskId: typedIdField,
    managerId: typedIdField,
    tanChannels: z.array(z.enum(STAFF_TAN_CHANNELS)).max(STAFF_TAN_CHANNELS.length),
    conversionRateClass: typedIdField,
  })
  .refine((v) => !(v.tanChannels.includes("sms") && !v.phone), {
    path: ["tanChannels"],
    ...withCode("MISSING", "SMS codes need a phone number"),
  });

export const KYC_REJECTION_REASON_MAX_LENGTH = 500;

/** A reviewer's rejection: the reason the customer reads as written. */
export const kycRejectionForm = z.strictObject({
  reason: z.string().trim().min(1).max(KYC_REJECTION_REASON_MAX_LENGTH),
});
