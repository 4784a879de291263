// The profile page's inputs (profile.*), shared by the procedures and the portal's forms.
import { z } from "zod";
import { stepUpField } from "./step-up";
import { codeField, emailField, phoneField, typedPhoneField } from "./identity";

/** The languages a customer may prefer: the sign-up list (messages, and the portal once it speaks them). */
export const PREFERRED_LANGUAGES = ["en", "de", "es", "fr", "it", "pl"] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

const nameField = z.string().trim().min(1).max(100);

/** profile.updateName: the first and last name (locked once KYC has the name: NAME_LOCKED). */
export const updateNameInput = z.strictObject({ firstName: nameField, lastName: nameField });

/** profile.setPreferredLanguage. */
export const setPreferredLanguageInput = z.strictObject({ language: z.enum(PREFERRED_LANGUAGES) });

/** profile.requestEmailChange: a code goes to the new address; nothing changes until it comes back. */
/** The step-up confirmation (issue 16) of the 403 STEP_UP_REQUIRED answer, on the retried request. */
export const requestEmailChangeInput = z.strictObject({ newEmail: emailField, stepUp: stepUpField.optional() });
/** profile.confirmEmailChange: the 6-digit code sent to the new address. */
export const confirmEmailChangeInput = z.strictObject({ code: codeField(6) });

/** profile.requestPhoneChange: a 4-digit SMS code goes to the new number (E.164). */
export const requestPhoneChangeInput = z.strictObject({ phone: phoneField, stepUp: stepUpField.optional() });
/** The portal's form: the number as people type it ("+357 12 345-678"), required. */
export const requestPhoneChangeForm = z.object({
  phone: typedPhoneField.refine((phone) => phone !== "", { message: "Enter the new phone number", params: { code: "REQUIRED" } }),
});
/** profile.confirmPhoneChange: the 4-digit code of seed 003. */
export const confirmPhoneChangeInput = z.strictObject({ code: codeField(4) });
